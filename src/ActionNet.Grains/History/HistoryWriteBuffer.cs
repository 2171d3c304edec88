using ActionNet.Abstractions.History;

namespace ActionNet.Grains.History;

/// <summary>
/// Records waiting to be written to the label history. A batch, once taken, stays the same until it is
/// acknowledged, so a retried write after an outage creates exactly the same blobs (the history's
/// create-only writes then make the retry idempotent: nothing lost, nothing written twice).
/// Not thread-safe.
/// </summary>
public sealed class HistoryWriteBuffer
{
    private readonly List<ActionEvent> events = [];
    private readonly List<LabelSegment> segments = [];
    private readonly List<HistoryGap> gaps = [];
    private (ActionEvent[] Events, LabelSegment[] Segments, HistoryGap[] Gaps)? inFlight;

    /// <summary>Events buffered, the in-flight batch included.</summary>
    public int EventCount => events.Count + (inFlight?.Events.Length ?? 0);

    /// <summary>Segments and gaps buffered, the in-flight batch included.</summary>
    public int SegmentCount => segments.Count + gaps.Count + (inFlight is { } batch ? batch.Segments.Length + batch.Gaps.Length : 0);

    /// <summary>Adds an event and, when one closed, a segment.</summary>
    public void Add(ActionEvent action, LabelSegment? closed)
    {
        ArgumentNullException.ThrowIfNull(action);
        events.Add(action);
        if (closed is not null)
        {
            segments.Add(closed);
        }
    }

    /// <summary>Adds a gap: an outage seen when the first window after it arrived.</summary>
    public void Add(HistoryGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        gaps.Add(gap);
    }

    /// <summary>Adds a segment on its own (the open one, closed at deactivation).</summary>
    public void Add(LabelSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        segments.Add(segment);
    }

    /// <summary>
    /// The batch to write: the unacknowledged one if any, else up to <paramref name="maxEvents"/> of the
    /// oldest events with every buffered segment, stamped with <paramref name="storedAt"/> (default: now).
    /// Null when nothing waits.
    /// </summary>
    public (ActionEvent[] Events, LabelSegment[] Segments, HistoryGap[] Gaps)? NextBatch(int maxEvents, DateTimeOffset? storedAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        if (inFlight is null && (events.Count > 0 || segments.Count > 0 || gaps.Count > 0))
        {
            var take = Math.Min(maxEvents, events.Count);
            var stamp = storedAt ?? DateTimeOffset.UtcNow;
            inFlight = ([.. events.GetRange(0, take).Select(e => e with { StoredAt = stamp })], segments.ToArray(), gaps.ToArray());
            events.RemoveRange(0, take);
            segments.Clear();
            gaps.Clear();
        }

        return inFlight;
    }

    /// <summary>The batch from <see cref="NextBatch"/> is stored; forgets it.</summary>
    public void Acknowledge() => inFlight = null;
}
