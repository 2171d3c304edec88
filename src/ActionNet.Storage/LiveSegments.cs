using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// Follows one camera's label segments as events are journaled, with the same boundaries the stored
/// segments get (<see cref="SegmentTracker"/>: label change, gap, UTC hour), so a live segment and the
/// stored one share their camera and <see cref="LabelSegment.FirstSequence"/>. Not thread-safe.
/// </summary>
public sealed class LiveSegments
{
    private readonly SegmentTracker tracker;
    private readonly string camera;

    internal LiveSegments(string camera, SegmentTracker tracker)
    {
        this.camera = camera;
        this.tracker = tracker;
    }

    /// <summary>The open segment, or null.</summary>
    public LabelSegment? Open => Stamp(tracker.OpenRow()?.Segment);

    /// <summary>
    /// Follows from where <paramref name="writer"/>'s stored segments stand (a fresh start without one), then
    /// through <paramref name="pending"/>, the journaled records not stored yet.
    /// </summary>
    public static LiveSegments Start(string camera, CameraHistoryWriter? writer, IEnumerable<HistoryRecord> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var live = new LiveSegments(camera, writer?.TrackerSnapshot() ?? new SegmentTracker());
        foreach (var record in pending.Where(r => r.Sequence > (writer?.HighWater ?? -1)))
        {
            if (record.Gap is not null)
            {
                live.Gap();
            }
            else if (record.Event is { } e)
            {
                live.Add(e);
            }
        }

        return live;
    }

    /// <summary>Adds a journaled event: returns the segment it closed (or null) and whether it opened a new one.</summary>
    public (LabelSegment? Closed, LabelSegment? Opened) Add(ActionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var closed = tracker.Add(e, 0, 0);
        var open = tracker.Open!;
        return (Stamp(closed?.Segment), open.FirstSequence == e.Sequence ? Open : null);
    }

    /// <summary>A gap was journaled: returns the segment it closed, or null.</summary>
    public LabelSegment? Gap() => Stamp(tracker.Gap()?.Segment);

    private LabelSegment? Stamp(LabelSegment? segment) => segment is null ? null : segment with { CameraId = camera };
}
