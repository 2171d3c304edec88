using System.Globalization;
using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.History;

/// <summary>
/// The one set of rules a <see cref="HistoryQuery"/> must pass, shared by the CLI, the API and the history grain,
/// so a bad query fails at once with one line instead of scanning storage. Each caller passes the names its users
/// typed (<see cref="HistoryInputNames"/>); the grain answers in the CLI's, since the API checks first in its own.
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
    /// Throws a one-line <see cref="ArgumentException"/> naming the input for a reversed or out-of-range time range, a
    /// limit outside 1..<see cref="MaxLimit"/>, a confidence that is not a probability, a bad camera id or a token that
    /// another query made (another <paramref name="kind"/>, other filters); returns the decoded token (or null).
    /// </summary>
    /// <exception cref="ArgumentException">The query breaks a rule.</exception>
    public static HistoryCursor? Validate(HistoryQuery query, string kind, HistoryInputNames names)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        CheckTime(names.From, query.From);
        CheckTime(names.To, query.To);
        if (query.From is { } from && query.To is { } to && to <= from)
        {
            throw new ArgumentException($"the time range is empty or reversed: {names.From} {Format(from)} is not before {names.To} {Format(to)}", nameof(query));
        }

        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"{names.Limit} {query.Limit} is invalid: expected 1 to {MaxLimit} records per page (use {names.After} to continue)", nameof(query));
        }

        if (!float.IsFinite(query.MinConfidence) || query.MinConfidence is < 0 or > 1)
        {
            throw new ArgumentException($"{names.MinConfidence} {query.MinConfidence.ToString(CultureInfo.InvariantCulture)} is invalid: expected a probability between 0 and 1", nameof(query));
        }

        if (query.Label is not null && CameraInputRules.TextProblem("label", query.Label, CameraInputRules.MaxProfileNameLength) is { } label)
        {
            throw new ArgumentException($"{names.Label}: {label}", nameof(query));
        }

        foreach (var camera in query.Cameras)
        {
            CameraIds.Validate(camera);
        }

        if (query.Track is { } track && !TrackIds.IsValid(track))
        {
            throw new ArgumentException($"{names.Track} '{CameraInputRules.Quote(track)}' is invalid: {TrackIds.Expected}", nameof(query));
        }

        return query.After is null ? null : HistoryCursor.Decode(query, kind, names);
    }

    private static void CheckTime(string name, DateTimeOffset? time)
    {
        if (time is { } t && (t < Earliest || t >= Latest))
        {
            throw new ArgumentException($"{name} {Format(t)} is out of range: expected a time from {Format(Earliest)} to before {Format(Latest)}", nameof(time));
        }
    }

    /// <summary>A time as the rules' messages write it: UTC, to the second.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
