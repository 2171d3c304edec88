using System.Globalization;
using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.History;

/// <summary>
/// The one set of rules a <see cref="HistoryQuery"/> must pass, shared by the CLI and the history grain,
/// so a bad query fails at once with one line instead of scanning storage.
/// </summary>
public static class HistoryQueryRules
{
    /// <summary>Most records in one page.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>The earliest time a query may name.</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest time a query may name (exclusive).</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Throws a one-line <see cref="ArgumentException"/> naming the option for a reversed or out-of-range
    /// time range, a limit outside 1..<see cref="MaxLimit"/>, a confidence that is not a probability, a bad
    /// camera id or a token of another <paramref name="kind"/> of query; returns the decoded token (or null).
    /// </summary>
    /// <exception cref="ArgumentException">The query breaks a rule.</exception>
    public static HistoryCursor? Validate(HistoryQuery query, string kind)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckTime("--from", query.From);
        CheckTime("--to", query.To);
        if (query.From is { } from && query.To is { } to && to <= from)
        {
            throw new ArgumentException($"the time range is empty or reversed: --from {Format(from)} is not before --to {Format(to)}", nameof(query));
        }

        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"--limit {query.Limit} is invalid: expected 1 to {MaxLimit} records per page (use --after to continue)", nameof(query));
        }

        if (!float.IsFinite(query.MinConfidence) || query.MinConfidence is < 0 or > 1)
        {
            throw new ArgumentException($"--min-confidence {query.MinConfidence.ToString(CultureInfo.InvariantCulture)} is invalid: expected a probability between 0 and 1", nameof(query));
        }

        if (query.Label is { Length: 0 })
        {
            throw new ArgumentException("--label is empty: expected one of the model's labels", nameof(query));
        }

        foreach (var camera in query.Cameras)
        {
            CameraIds.Validate(camera);
        }

        if (query.Track is { } track && !TrackIds.IsValid(track))
        {
            throw new ArgumentException($"--track '{CameraInputRules.Quote(track)}' is invalid: {TrackIds.Expected}", nameof(query));
        }

        return query.After is { } token ? HistoryCursor.Decode(token, kind) : null;
    }

    private static void CheckTime(string option, DateTimeOffset? time)
    {
        if (time is { } t && (t < Earliest || t >= Latest))
        {
            throw new ArgumentException($"{option} {Format(t)} is out of range: expected a time from {Format(Earliest)} to before {Format(Latest)}", nameof(time));
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
