namespace ActionNet.Abstractions.History;

/// <summary>
/// How an entry point names the history filters in its one-line messages, so the same rule speaks each caller's
/// words: the CLI names its flags (<c>--limit</c>), the API its query parameters (<c>limit</c>).
/// </summary>
/// <param name="Camera">The camera filter.</param>
/// <param name="From">The start of the time range.</param>
/// <param name="To">The end of the time range.</param>
/// <param name="Label">The label filter.</param>
/// <param name="MinConfidence">The least confidence.</param>
/// <param name="Limit">Records per page.</param>
/// <param name="After">The continuation token.</param>
/// <param name="Track">The tracked-person filter.</param>
public sealed record HistoryInputNames(string Camera, string From, string To, string Label, string MinConfidence, string Limit, string After, string Track)
{
    /// <summary>The CLI's flags.</summary>
    public static HistoryInputNames Cli { get; } = new("--camera", "--from", "--to", "--label", "--min-confidence", "--limit", "--after", "--track");

    /// <summary>The API's query parameters.</summary>
    public static HistoryInputNames Api { get; } = new("camera", "from", "to", "label", "minConfidence", "limit", "after", "track");
}
