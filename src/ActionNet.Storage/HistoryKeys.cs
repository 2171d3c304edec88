using System.Globalization;

namespace ActionNet.Storage;

/// <summary>
/// Keys of the history table. Partition = camera id (segments, daily totals, gaps and the writer's
/// state row, so one flush is one entity-group transaction); the catalogue of cameras has its own
/// partition. Row keys sort by time: <c>s|{first event end ticks}|{first sequence}</c> for segments,
/// <c>d|{yyyyMMdd}|{label}</c> for daily totals, <c>g|{end ticks}|{next sequence}</c> for gaps.
/// The cross-camera label index has one partition per UTC day and label, <c>~label|{yyyyMMdd}|{label}</c>,
/// whose rows are the segments of every camera with that label whose first event ended that day, keyed
/// <c>{first event end ticks},{camera},{first sequence}</c> (',' sorts below every camera id character, so the keys
/// sort exactly as pages do: time, camera, sequence): a label search reads one partition per day.
/// </summary>
internal static class HistoryKeys
{
    /// <summary>The partition of the camera catalogue ('~' is not a camera id character).</summary>
    public const string CatalogPartition = "~catalog";

    /// <summary>The writer-state row of a camera's partition.</summary>
    public const string StateRow = "state";

    public const string SegmentPrefix = "s|";
    public const string DayPrefix = "d|";
    public const string GapPrefix = "g|";

    public static string Segment(long firstEndTicks, long firstSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{SegmentPrefix}{firstEndTicks:D19}|{firstSequence:D19}");

    public static string SegmentBound(DateTimeOffset time) => string.Create(CultureInfo.InvariantCulture, $"{SegmentPrefix}{time.UtcTicks:D19}");

    public static string Day(DateOnly day, string label) => DayBound(day) + "|" + Uri.EscapeDataString(label);

    public static string DayBound(DateOnly day) => DayPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Gap(long endTicks, long nextSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{GapPrefix}{endTicks:D19}|{nextSequence:D19}");

    public static string GapBound(DateTimeOffset time) => string.Create(CultureInfo.InvariantCulture, $"{GapPrefix}{time.UtcTicks:D19}");

    public static string Camera(string camera) => "c|" + camera;

    /// <summary>The prefix of the cross-camera label index's partitions ('~' is not a camera id character).</summary>
    public const string LabelIndexPrefix = "~label|";

    /// <summary>The label-index partition of <paramref name="label"/> on <paramref name="day"/>.</summary>
    public static string LabelIndex(DateOnly day, string label) =>
        LabelIndexPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "|" + Uri.EscapeDataString(label);

    /// <summary>A segment's row in its label-index partition: by first event end, then camera, then first sequence.</summary>
    public static string LabelIndexRow(long firstEndTicks, string camera, long firstSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstEndTicks:D19},{camera},{firstSequence:D19}");

    /// <summary>The lowest label-index row key at or after <paramref name="time"/>.</summary>
    public static string LabelIndexBound(DateTimeOffset time) => string.Create(CultureInfo.InvariantCulture, $"{time.UtcTicks:D19}");

    /// <summary>The start of the UTC hour that holds <paramref name="time"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The UTC day of <paramref name="time"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>The event blob of <paramref name="camera"/> for the hour starting at <paramref name="hour"/>: <c>events/{camera}/{yyyy}/{MM}/{dd}/{HH}.jsonl</c>.</summary>
    public static string EventBlob(string camera, DateTimeOffset hour) =>
        $"events/{camera}/{hour.UtcDateTime.ToString("yyyy'/'MM'/'dd'/'HH", CultureInfo.InvariantCulture)}.jsonl";

    /// <summary>The prefix of every event blob of <paramref name="camera"/> on <paramref name="day"/>.</summary>
    public static string EventDayPrefix(string camera, DateOnly day) =>
        $"events/{camera}/{day.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)}/";
}
