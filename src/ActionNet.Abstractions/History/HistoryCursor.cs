using System.Globalization;
using System.Text;
using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.History;

/// <summary>
/// Where a page of one kind of history query ended: the sort key of its last record (time in UTC ticks,
/// camera, sequence, and for summaries the label). Carried as an opaque URL-safe token.
/// </summary>
/// <param name="Kind">The query the token continues: events, segments, summary or gaps.</param>
/// <param name="Ticks">UTC ticks of the last record's sort time (0 for summaries).</param>
/// <param name="Camera">The last record's camera.</param>
/// <param name="Sequence">The last record's sequence (0 for summaries).</param>
/// <param name="Label">The last record's label (summaries only; empty otherwise).</param>
public sealed record HistoryCursor(string Kind, long Ticks, string Camera, long Sequence, string Label)
{
    private const string Version = "h1";

    /// <summary>The token form.</summary>
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\n', Version, Kind, Ticks.ToString(CultureInfo.InvariantCulture), Camera, Sequence.ToString(CultureInfo.InvariantCulture), Label)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a token of <paramref name="kind"/>; throws a one-line <see cref="ArgumentException"/> for anything else.</summary>
    /// <exception cref="ArgumentException">The token is malformed or continues another kind of query.</exception>
    public static HistoryCursor Decode(string token, string kind)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = TryText(token)?.Split('\n');
        if (parts is not { Length: 6 } || parts[0] != Version
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !CameraIds.IsValid(parts[3])
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new ArgumentException($"--after '{Shorten(token)}' is not a continuation token: expected the token a previous page printed", nameof(token));
        }

        if (parts[1] != kind)
        {
            throw new ArgumentException($"--after '{Shorten(token)}' continues a '{parts[1]}' query, not '{kind}'", nameof(token));
        }

        return new HistoryCursor(kind, ticks, parts[3], sequence, parts[5]);
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
