using ActionNet.Abstractions.Inference;
using ActionNet.Grains.History;

namespace ActionNet.Grains.Tests;

/// <summary>How an aggregator numbers windows and decides the gaps it records before them.</summary>
public sealed class WindowSequencerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static WindowHeader Window(long sequence, double startSeconds, double seconds = 1, string? track = null, double? continuousSince = null) => new()
    {
        CameraId = "cam",
        Sequence = sequence,
        FirstFrameAt = T0.AddSeconds(startSeconds),
        LastFrameAt = T0.AddSeconds(startSeconds + seconds),
        TrackId = track,
        ContinuousSince = continuousSince is { } c ? T0.AddSeconds(c) : null,
    };

    [Fact]
    public void AWindowAtOrBelowTheRecordedSequenceIsARetry()
    {
        var sequencer = new WindowSequencer("cam", "s1", TimeSpan.FromSeconds(5));
        sequencer.Resume(4, T0);

        Assert.True(sequencer.IsRecorded(Window(4, 0)));
        Assert.False(sequencer.IsRecorded(Window(5, 0)));
    }

    [Fact]
    public void AWholeFrameWindowStartingPastTheGapThresholdRecordsAnOutage()
    {
        var sequencer = new WindowSequencer("cam", "s1", TimeSpan.FromSeconds(5));
        sequencer.Record(Window(0, 0));

        Assert.Null(sequencer.GapBefore(Window(1, 5.5)));
        var gap = sequencer.GapBefore(Window(1, 7));

        Assert.NotNull(gap);
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(7), 0L, 1L, 0L), (gap.Start, gap.End, gap.PreviousSequence, gap.NextSequence, gap.LostWindows));
        Assert.Equal("s1", gap.Silo);
    }

    [Fact]
    public void APersonModeCameraWithNobodyInViewRecordsNoOutage()
    {
        var sequencer = new WindowSequencer("cam", "s1", TimeSpan.FromSeconds(5));
        sequencer.Record(Window(0, 0, track: "0", continuousSince: -30));

        // A minute with nobody in view: the reader never broke, so there was no outage.
        Assert.Null(sequencer.GapBefore(Window(1, 60, track: "1", continuousSince: -30)));

        // The reader reopened 40 s after the last window: that outage is recorded, up to when the stream came back.
        var gap = sequencer.GapBefore(Window(1, 60, track: "1", continuousSince: 41));
        Assert.NotNull(gap);
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(41)), (gap.Start, gap.End));
    }

    [Fact]
    public void RefusedWindowsAreRecordedAsOneLostRunBeforeTheNextKeptWindow()
    {
        var sequencer = new WindowSequencer("cam", "s1", TimeSpan.FromSeconds(5));
        sequencer.Record(Window(0, 0));

        Assert.True(sequencer.Refuse(Window(1, 0.5), "journal full"));
        Assert.False(sequencer.Refuse(Window(2, 1), "journal full"));
        var gap = sequencer.GapBefore(Window(3, 1.5));
        sequencer.Record(Window(3, 1.5));

        Assert.NotNull(gap);
        Assert.Equal((2L, 0L, 3L), (gap.LostWindows, gap.PreviousSequence, gap.NextSequence));
        Assert.Equal("2 scored window(s) lost: journal full", gap.Reason);
        Assert.Equal(2, sequencer.Refused);
        Assert.Null(sequencer.GapBefore(Window(4, 2)));
        Assert.Equal(3, sequencer.Recorded);
    }
}
