using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// A segment as the index stores it: the segment, its key time (its first event's end), and where its
/// events lie in the camera's hour blob, so a drill-down reads only those bytes.
/// </summary>
internal sealed record LabelSegmentRow(LabelSegment Segment, DateTimeOffset FirstEnd, DateTimeOffset Hour, long Offset, long Length)
{
    public string RowKey => HistoryKeys.Segment(FirstEnd.UtcTicks, Segment.FirstSequence);
}
