using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// Follows one camera's label segments as events are journaled, with the same boundaries the stored
/// segments get (<see cref="SegmentTracker"/>: label change, gap, UTC hour, an idle track), so a live segment
/// and the stored one share their camera, track and <see cref="LabelSegment.FirstSequence"/>. Not thread-safe.
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

    /// <summary>Every open segment (one per track in view; one for a whole-frame camera), oldest first.</summary>
    public IReadOnlyList<LabelSegment> Open => [.. tracker.OpenRows().Select(r => Stamp(r.Segment))];

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

    /// <summary>
    /// Adds a journaled event: returns the segments it closed (its track's previous run, idle tracks' runs; oldest
    /// first) and the segment it opened, or null when it extended its track's open one.
    /// </summary>
    public (IReadOnlyList<LabelSegment> Closed, LabelSegment? Opened) Add(ActionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var closed = tracker.Add(e, 0, 0);
        var open = tracker.OpenRow(e.TrackId)!;
        return ([.. closed.Select(r => Stamp(r.Segment))], open.Segment.FirstSequence == e.Sequence ? Stamp(open.Segment) : null);
    }

    /// <summary>A gap was journaled: returns the segments it closed, oldest first.</summary>
    public IReadOnlyList<LabelSegment> Gap() => [.. tracker.Gap().Select(r => Stamp(r.Segment))];

    private LabelSegment Stamp(LabelSegment segment) => segment with { CameraId = camera };
}
