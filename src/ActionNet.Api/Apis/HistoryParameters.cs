using System.Globalization;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Api.Apis;

/// <summary>
/// The history filters of the query string (<c>camera</c> repeated or comma-separated, <c>from</c>, <c>to</c>,
/// <c>label</c>, <c>track</c>, <c>minConfidence</c>, <c>limit</c>, <c>after</c>), read as text and checked by the CLI's rules so a
/// bad value gets the CLI's one-line message.
/// </summary>
public sealed class HistoryParameters
{
    /// <summary>Records per page when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Camera ids; none means all.</summary>
    public string[]? Camera { get; set; }

    /// <summary>Start: now, a duration ago (15m, 2h, 1d) or an ISO 8601 time.</summary>
    public string? From { get; set; }

    /// <summary>End, in the same forms.</summary>
    public string? To { get; set; }

    /// <summary>Only this label.</summary>
    public string? Label { get; set; }

    /// <summary>Only this tracked person (person-mode cameras).</summary>
    public string? Track { get; set; }

    /// <summary>Only events (or segments by mean) at or above this confidence, 0 to 1.</summary>
    public string? MinConfidence { get; set; }

    /// <summary>Records per page, 1 to <see cref="HistoryQueryRules.MaxLimit"/>.</summary>
    public string? Limit { get; set; }

    /// <summary>The token of the page before.</summary>
    public string? After { get; set; }

    /// <summary>The query for a <paramref name="kind"/> of history (events, segments, summary, gaps), or only <paramref name="cameras"/> when given.</summary>
    /// <exception cref="ArgumentException">A filter breaks the rules.</exception>
    public HistoryQuery ToQuery(string kind, string[]? cameras = null)
    {
        var now = DateTimeOffset.UtcNow;
        if (Label is not null && CameraInputRules.TextProblem("label", Label, CameraInputRules.MaxProfileNameLength) is { } problem)
        {
            throw new ArgumentException($"--label: {problem}");
        }

        var query = new HistoryQuery
        {
            Cameras = cameras ?? [.. (Camera ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(CameraIds.Validate)],
            From = string.IsNullOrEmpty(From) ? null : TimeArgument.Parse(From, now),
            To = string.IsNullOrEmpty(To) ? null : TimeArgument.Parse(To, now),
            Label = Label,
            Track = Track,
            MinConfidence = MinConfidence is null ? 0 : Number("--min-confidence", MinConfidence, "a probability between 0 and 1"),
            Limit = Limit is null ? DefaultLimit : (int)Math.Clamp(Number("--limit", Limit, $"1 to {HistoryQueryRules.MaxLimit} records per page"), int.MinValue, int.MaxValue),
            After = After,
        };
        HistoryQueryRules.Validate(query, kind);
        return query;
    }

    private static float Number(string option, string text, string expected) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{option} '{CameraInputRules.Quote(text)}' is invalid: expected {expected}");
}
