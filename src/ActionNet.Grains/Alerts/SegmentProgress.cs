using ActionNet.Abstractions.History;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// A camera's open label segment as the alert router follows it from live label events, with the stored
/// segment's arithmetic: the running mean and peak of the events' confidences, and owned seconds (each
/// event owns the part of its window after the previous window's end). Not thread-safe.
/// </summary>
internal sealed class SegmentProgress
{
    private double confidenceSum;

    private SegmentProgress(LabelSegment segment)
    {
        Segment = segment;
        confidenceSum = (double)segment.MeanConfidence * segment.Windows;
        Hour = HourOf(segment.End);
    }

    /// <summary>The segment so far (open).</summary>
    public LabelSegment Segment { get; private set; }

    /// <summary>
    /// The UTC hour the segment lies in: every event of a segment ends in the hour its first event ended in,
    /// so the hour of its latest end is that hour.
    /// </summary>
    public DateTimeOffset Hour { get; }

    /// <summary>Follows on from <paramref name="segment"/> (a live segment start or a stored open segment).</summary>
    public static SegmentProgress From(LabelSegment segment) => new(segment with { Open = true });

    /// <summary>The hour a segment holding an event that ends at <paramref name="time"/> lies in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>
    /// Whether <paramref name="e"/> can only be this segment's next event: the same label, the same UTC hour,
    /// and no pause longer than <paramref name="gap"/> before it (a longer one is recorded as a gap, which
    /// closes the segment).
    /// </summary>
    public bool Continues(ActionEvent e, TimeSpan gap) =>
        string.Equals(e.Label, Segment.Label, StringComparison.Ordinal) && HourOf(e.End) == Hour && e.Start - Segment.End <= gap;

    /// <summary>Adds the segment's next event.</summary>
    public void Add(ActionEvent e)
    {
        var ownedFrom = Segment.End > e.Start ? Segment.End : e.Start;
        var windows = Segment.Windows + 1;
        confidenceSum += e.Confidence;
        Segment = Segment with
        {
            End = e.End > Segment.End ? e.End : Segment.End,
            LastSequence = e.Sequence,
            Windows = windows,
            MeanConfidence = (float)(confidenceSum / windows),
            PeakConfidence = Math.Max(Segment.PeakConfidence, e.Confidence),
            Seconds = Segment.Seconds + Math.Max(0, (e.End - ownedFrom).TotalSeconds),
        };
    }
}
