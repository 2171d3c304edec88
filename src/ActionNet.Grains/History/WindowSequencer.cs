using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;

namespace ActionNet.Grains.History;

/// <summary>
/// Where one camera's recorded windows stand: the highest sequence recorded (numbers never repeat across moves
/// and restarts), the latest window end, and what must be recorded before the next window's event — a run of
/// windows that were refused (lost, with the reason), or an outage. A window that starts more than the gap
/// threshold after the previous one ended marks an outage, except in person mode, where windows stop whenever
/// nobody is in view: there only a break in the reader (<see cref="WindowHeader.ContinuousSince"/> after the
/// previous window) is one. Not thread-safe.
/// </summary>
public sealed class WindowSequencer
{
    private readonly string cameraId;
    private readonly string silo;
    private readonly TimeSpan gapAfter;
    private LostRun? lost;

    /// <summary>Follows camera <paramref name="cameraId"/> on <paramref name="silo"/>; pauses over <paramref name="gapAfter"/> are outages.</summary>
    public WindowSequencer(string cameraId, string silo, TimeSpan gapAfter)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gapAfter, TimeSpan.Zero);
        this.cameraId = cameraId;
        this.silo = silo;
        this.gapAfter = gapAfter;
    }

    /// <summary>The highest window sequence recorded or refused; -1 before any.</summary>
    public long Recorded { get; private set; } = -1;

    /// <summary>The latest end of a recorded or refused window; null before any.</summary>
    public DateTimeOffset? LastEnd { get; private set; }

    /// <summary>Windows refused since this sequencer started.</summary>
    public long Refused { get; private set; }

    /// <summary>Continues from what the journal and the store hold.</summary>
    public void Resume(long recorded, DateTimeOffset? lastEnd)
    {
        Recorded = recorded;
        LastEnd = lastEnd;
    }

    /// <summary>Whether <paramref name="header"/>'s window was recorded (or refused) already: a retry.</summary>
    public bool IsRecorded(WindowHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Sequence <= Recorded;
    }

    /// <summary>The gap to record before <paramref name="header"/>'s event: lost windows, an outage, or null.</summary>
    public HistoryGap? GapBefore(WindowHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (lost is { } run)
        {
            return run.ToGap(cameraId, header.Sequence, silo);
        }

        if (LastEnd is not { } previousEnd)
        {
            return null;
        }

        var resumed = header.TrackId is null || header.ContinuousSince is null ? header.FirstFrameAt : header.ContinuousSince.Value;
        if (header.FirstFrameAt - previousEnd <= gapAfter || resumed - previousEnd <= gapAfter)
        {
            return null;
        }

        return new HistoryGap
        {
            CameraId = cameraId,
            Start = previousEnd,
            End = resumed,
            PreviousSequence = Recorded,
            NextSequence = header.Sequence,
            Silo = silo,
        };
    }

    /// <summary>The window was recorded (with the gap before it, if any).</summary>
    public void Record(WindowHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        lost = null;
        Recorded = header.Sequence;
        LastEnd = LastEnd is { } end && end > header.LastFrameAt ? end : header.LastFrameAt;
    }

    /// <summary>
    /// The window cannot be kept: its number is used up (never given to another window) and the loss is recorded
    /// with the next window that is kept. Returns whether this starts a run of refusals (worth a log line).
    /// </summary>
    public bool Refuse(WindowHeader header, string reason)
    {
        ArgumentNullException.ThrowIfNull(header);
        Refused++;
        lost = lost is { } run
            ? run with { LastEnd = header.LastFrameAt, Count = run.Count + 1 }
            : new LostRun(Recorded, header.FirstFrameAt, header.LastFrameAt, 1, reason);
        Recorded = Math.Max(Recorded, header.Sequence);
        LastEnd = LastEnd is { } end && end > header.LastFrameAt ? end : header.LastFrameAt;
        return lost.Count == 1;
    }

    private sealed record LostRun(long Previous, DateTimeOffset FirstStart, DateTimeOffset LastEnd, long Count, string Reason)
    {
        public HistoryGap ToGap(string camera, long next, string silo) => new()
        {
            CameraId = camera,
            Start = FirstStart,
            End = LastEnd,
            PreviousSequence = Previous,
            NextSequence = next,
            Silo = silo,
            Reason = $"{Count} scored window(s) lost: {Reason}",
            LostWindows = Count,
        };
    }
}
