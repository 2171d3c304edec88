using System.Globalization;

namespace ActionNet.Storage;

/// <summary>
/// Blob names of the label history: <c>{root}/{camera}/{yyyy}/{MM}/{dd}/{HH}/{first:D12}-{last:D12}.jsonl</c>,
/// partitioned by the UTC hour of each record's time, so names sort by time, then sequence, and a
/// range query lists only the prefixes of the hours (or days, months, years) it covers.
/// </summary>
internal static class HistoryBlobLayout
{
    public const string Extension = ".jsonl";

    private const int SequenceDigits = 12;
    private const string HourFormat = "yyyy'/'MM'/'dd'/'HH'/'";

    // Coarser units are used when a range would need more than the allowed number of prefixes.
    private static readonly (string Format, Func<DateTime, DateTime> Truncate, Func<DateTime, DateTime> Next)[] Units =
    [
        (HourFormat, t => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc), t => t.AddHours(1)),
        ("yyyy'/'MM'/'dd'/'", t => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc), t => t.AddDays(1)),
        ("yyyy'/'MM'/'", t => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc), t => t.AddMonths(1)),
        ("yyyy'/'", t => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), t => t.AddYears(1)),
    ];

    /// <summary>The prefix of every blob of <paramref name="camera"/> under <paramref name="root"/>, ending in '/'.</summary>
    public static string CameraPrefix(string root, string camera) => $"{root}/{camera}/";

    /// <summary>The start of the UTC hour that holds <paramref name="time"/>.</summary>
    public static DateTime HourOf(DateTimeOffset time) => Units[0].Truncate(time.UtcDateTime);

    /// <summary>The name of a blob holding sequences <paramref name="first"/>..<paramref name="last"/> of one hour.</summary>
    public static string BlobName(string root, string camera, DateTime hour, long first, long last) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{CameraPrefix(root, camera)}{hour.ToString(HourFormat, CultureInfo.InvariantCulture)}{first.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture)}-{last.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture)}{Extension}");

    /// <summary>Reads the sequence range and hour back from a blob name of this layout.</summary>
    public static bool TryParse(string name, out DateTime hour, out long first, out long last)
    {
        hour = default;
        first = last = 0;
        var slash = name.LastIndexOf('/');
        if (slash < 14 || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var range = name.AsSpan(slash + 1, name.Length - slash - 1 - Extension.Length);
        var dash = range.IndexOf('-');
        return dash > 0
            && long.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && long.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && DateTime.TryParseExact(
                name.AsSpan(slash - 13, 14), HourFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out hour);
    }

    /// <summary>
    /// Prefixes, in time order, that together hold every record of <paramref name="camera"/> with a time
    /// in [<paramref name="from"/>, <paramref name="to"/>): hours when at most <paramref name="maxPrefixes"/>
    /// suffice, else days, months or years; the camera's whole prefix when the range is open at the start
    /// or wider still.
    /// </summary>
    public static IReadOnlyList<string> RangePrefixes(string root, string camera, DateTimeOffset? from, DateTimeOffset to, int maxPrefixes)
    {
        var cameraPrefix = CameraPrefix(root, camera);
        if (from is null)
        {
            return [cameraPrefix];
        }

        if (to <= from)
        {
            return [];
        }

        var last = to.UtcDateTime.AddTicks(-1);
        foreach (var (format, truncate, next) in Units)
        {
            var prefixes = new List<string>();
            for (var t = truncate(from.Value.UtcDateTime); t <= last && prefixes.Count <= maxPrefixes; t = next(t))
            {
                prefixes.Add(cameraPrefix + t.ToString(format, CultureInfo.InvariantCulture));
            }

            if (prefixes.Count <= maxPrefixes)
            {
                return prefixes;
            }
        }

        return [cameraPrefix];
    }
}
