using System.Text.Json;
using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// Turns one camera's stored event stream into label segments and daily totals, exactly as the writer
/// stores them: a segment closes when the label changes, at a gap, or when an event ends in another UTC
/// hour than the segment's first event; each event owns the part of its window after the previous
/// window's end. Its whole state is a small JSON document kept in the writer's state row, so a new
/// writer continues the open segment where the old one stopped. Not thread-safe.
/// </summary>
internal sealed class SegmentTracker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The open segment, or null.</summary>
    public OpenRun? Open { get; set; }

    /// <summary>The UTC day <see cref="Totals"/> count, as yyyy-MM-dd; empty before the first event.</summary>
    public string Day { get; set; } = "";

    /// <summary>Per label, the day's seconds, windows and segments so far.</summary>
    public Dictionary<string, DayTotal> Totals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest window end seen, for owned time.</summary>
    public DateTimeOffset? PreviousEnd { get; set; }

    public static SegmentTracker Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new SegmentTracker() : JsonSerializer.Deserialize<SegmentTracker>(json, Json) ?? new SegmentTracker();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public SegmentTracker Clone() => Parse(ToJson());

    /// <summary>
    /// Adds a stored event that sits at <paramref name="offset"/> (<paramref name="length"/> bytes) in its
    /// hour blob. Returns the segment it closed, or null.
    /// </summary>
    public LabelSegmentRow? Add(ActionEvent e, long offset, long length)
    {
        var hour = HistoryKeys.HourOf(e.End);
        LabelSegmentRow? closed = null;
        if (Open is { } run && (!string.Equals(run.Label, e.Label, StringComparison.Ordinal) || run.HourTicks != hour.UtcTicks))
        {
            closed = Close();
        }

        var ownedFrom = PreviousEnd is { } previous && previous > e.Start ? previous : e.Start;
        var owned = Math.Max(0, (e.End - ownedFrom).TotalSeconds);
        PreviousEnd = PreviousEnd is { } p && p > e.End ? p : e.End;

        var day = HistoryKeys.DayOf(e.End).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (day != Day)
        {
            Day = day;
            Totals = new(StringComparer.Ordinal);
        }

        var total = Totals.TryGetValue(e.Label, out var t) ? t : new DayTotal();
        if (Open is null)
        {
            Open = new OpenRun
            {
                Label = e.Label,
                Start = e.Start,
                End = e.End,
                FirstEnd = e.End,
                FirstSequence = e.Sequence,
                LastSequence = e.Sequence,
                Model = e.Model,
                HourTicks = hour.UtcTicks,
                Offset = offset,
                Length = 0,
            };
            total.Segments++;
        }

        var open = Open;
        open.End = e.End > open.End ? e.End : open.End;
        open.LastSequence = e.Sequence;
        open.Windows++;
        open.ConfidenceSum += e.Confidence;
        open.Peak = Math.Max(open.Peak, e.Confidence);
        open.Seconds += owned;
        open.Length = offset + length - open.Offset;
        total.Seconds += owned;
        total.Windows++;
        Totals[e.Label] = total;
        return closed;
    }

    /// <summary>A gap: no window for a while, so the open segment ends. Returns it, or null.</summary>
    public LabelSegmentRow? Gap() => Open is null ? null : Close();

    /// <summary>The open segment as a row, or null.</summary>
    public LabelSegmentRow? OpenRow() => Open?.ToRow(open: true);

    private LabelSegmentRow Close()
    {
        var row = Open!.ToRow(open: false);
        Open = null;
        return row;
    }

    /// <summary>A day's total for one label.</summary>
    internal sealed class DayTotal
    {
        public double Seconds { get; set; }

        public int Windows { get; set; }

        public int Segments { get; set; }
    }

    /// <summary>The segment being extended.</summary>
    internal sealed class OpenRun
    {
        public string Label { get; set; } = "";

        public DateTimeOffset Start { get; set; }

        public DateTimeOffset End { get; set; }

        public DateTimeOffset FirstEnd { get; set; }

        public long FirstSequence { get; set; }

        public long LastSequence { get; set; }

        public int Windows { get; set; }

        public double ConfidenceSum { get; set; }

        public float Peak { get; set; }

        public string Model { get; set; } = "";

        public double Seconds { get; set; }

        public long HourTicks { get; set; }

        public long Offset { get; set; }

        public long Length { get; set; }

        public LabelSegmentRow ToRow(bool open) => new(
            new LabelSegment
            {
                Label = Label,
                Start = Start,
                End = End,
                FirstSequence = FirstSequence,
                LastSequence = LastSequence,
                MeanConfidence = Windows == 0 ? 0 : (float)(ConfidenceSum / Windows),
                Windows = Windows,
                PeakConfidence = Peak,
                Model = Model,
                Seconds = Seconds,
                Open = open,
            },
            FirstEnd,
            new DateTimeOffset(HourTicks, TimeSpan.Zero),
            Offset,
            Length);
    }
}
