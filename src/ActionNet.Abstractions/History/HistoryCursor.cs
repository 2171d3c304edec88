using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.History;

/// <summary>
/// Where a page of one kind of history query ended: the sort key of its last record (time in UTC ticks, camera,
/// sequence, and for summaries the label), bound to the query that made it. Carried as an opaque URL-safe token.
/// </summary>
/// <remarks>
/// A token continues only the query that made it: the same kind, cameras, label, confidence and every other filter
/// (a fingerprint of them), and a range that starts no earlier than the first page's. A range that slides forward
/// (<c>--from 1h</c> read again a minute later) still continues; one that reaches back before the first page's start
/// would need rows the pages never read, so it is refused rather than silently skipping them.
/// </remarks>
/// <param name="Kind">The query the token continues: events, segments, summary or gaps.</param>
/// <param name="Ticks">UTC ticks of the last record's sort time (0 for summaries).</param>
/// <param name="Camera">The last record's camera.</param>
/// <param name="Sequence">The last record's sequence (0 for summaries).</param>
/// <param name="Label">The last record's label (summaries only; empty otherwise).</param>
/// <param name="Query">The fingerprint of the query's filters (<see cref="Fingerprint"/>).</param>
/// <param name="FromTicks">UTC ticks of the start of the first page's range.</param>
public sealed record HistoryCursor(string Kind, long Ticks, string Camera, long Sequence, string Label, string Query, long FromTicks)
{
    private const string Version = "h2";

    /// <summary>The cursor after a record at (<paramref name="ticks"/>, <paramref name="camera"/>, <paramref name="sequence"/>, <paramref name="label"/>) of <paramref name="query"/>.</summary>
    public static HistoryCursor After(HistoryQuery query, string kind, long ticks, string camera, long sequence, string label = "")
    {
        ArgumentNullException.ThrowIfNull(query);
        return new HistoryCursor(kind, ticks, camera, sequence, label, Fingerprint(query, kind), (query.From ?? HistoryQueryRules.Earliest).UtcTicks);
    }

    /// <summary>
    /// What a token binds of <paramref name="query"/>: its kind and every filter but the time range and paging (cameras
    /// in ordinal order, each once), hashed. A filter added to <see cref="HistoryQuery"/> is bound without a change here.
    /// </summary>
    public static string Fingerprint(HistoryQuery query, string kind)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = query with { Cameras = [.. query.Cameras.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], From = null, To = null, Limit = 0, After = null };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + JsonSerializer.Serialize(filters)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }

    /// <summary>The token form.</summary>
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(
                '\n',
                Version,
                Kind,
                Ticks.ToString(CultureInfo.InvariantCulture),
                Camera,
                Sequence.ToString(CultureInfo.InvariantCulture),
                Label,
                Query,
                FromTicks.ToString(CultureInfo.InvariantCulture))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Reads the token of <paramref name="query"/> (its <see cref="HistoryQuery.After"/>) as a continuation of that query
    /// of <paramref name="kind"/>; throws a one-line <see cref="ArgumentException"/>, naming the token as
    /// <paramref name="names"/> say, for anything else.
    /// </summary>
    /// <exception cref="ArgumentException">The token is malformed or continues another query.</exception>
    public static HistoryCursor Decode(HistoryQuery query, string kind, HistoryInputNames names)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        var token = query.After ?? throw new ArgumentException($"{names.After} is missing", nameof(query));
        var parts = TryText(token)?.Split('\n');
        if (parts is not { Length: 8 } || parts[0] != Version
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !CameraIds.IsValid(parts[3])
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out var fromTicks)
            || fromTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException($"{names.After} '{Shorten(token)}' is not a continuation token: expected the token a previous page printed", nameof(query));
        }

        if (parts[1] != kind)
        {
            throw new ArgumentException($"{names.After} '{Shorten(token)}' continues a '{parts[1]}' query, not '{kind}'", nameof(query));
        }

        if (parts[6] != Fingerprint(query, kind))
        {
            throw new ArgumentException(
                $"{names.After} '{Shorten(token)}' continues another query: give it the {names.Camera}, {names.Label} and {names.MinConfidence} of the query that printed it, or leave it out to start again",
                nameof(query));
        }

        var from = (query.From ?? HistoryQueryRules.Earliest).UtcTicks;
        if (from < fromTicks)
        {
            throw new ArgumentException(
                $"{names.After} '{Shorten(token)}' continues a query from {HistoryQueryRules.Format(new DateTimeOffset(fromTicks, TimeSpan.Zero))}; {names.From} may not reach back before that (the pages never read those rows): leave {names.After} out to start again",
                nameof(query));
        }

        return new HistoryCursor(kind, ticks, parts[3], sequence, parts[5], parts[6], fromTicks);
    }

    private static string? TryText(string token)
    {
        if (token.Length is 0 or > 512)
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    private static string Shorten(string token) => token.Length > 40 ? token[..40] + "..." : token;
}
