namespace ActionNet.Storage.Tests;

/// <summary>How events become segments and daily totals.</summary>
public sealed class SegmentTrackerTests
{
    [Fact]
    public void ASegmentClosesWhenTheLabelChangesAndCountsOverlappingWindowsOnce()
    {
        var tracker = new SegmentTracker();

        Assert.Null(tracker.Add(TestEvents.Event("cam", 0, 1, "push", 0.9f, windowSeconds: 2), 0, 10));
        Assert.Null(tracker.Add(TestEvents.Event("cam", 1, 2, "push", 0.7f, windowSeconds: 2), 10, 10));
        var closed = tracker.Add(TestEvents.Event("cam", 2, 3, "walk", 0.8f, windowSeconds: 2), 20, 10);

        Assert.NotNull(closed);
        Assert.Equal("push", closed.Segment.Label);
        Assert.Equal((0L, 1L, 2), (closed.Segment.FirstSequence, closed.Segment.LastSequence, closed.Segment.Windows));
        Assert.Equal(0.8f, closed.Segment.MeanConfidence, 3);
        Assert.Equal(0.9f, closed.Segment.PeakConfidence);
        Assert.Equal(3.0, closed.Segment.Seconds, 6);
        Assert.Equal((0L, 20L), (closed.Offset, closed.Length));
        Assert.False(closed.Segment.Open);
        Assert.True(tracker.OpenRow()!.Segment.Open);
        Assert.Equal(1.0, tracker.Totals["walk"].Seconds, 6);
    }

    [Fact]
    public void ASegmentClosesAtTheHourAndAtAGap()
    {
        var tracker = new SegmentTracker();
        tracker.Add(TestEvents.Event("cam", 0, 3598), 0, 10);
        var atHour = tracker.Add(TestEvents.Event("cam", 1, 3601), 0, 10);
        var atGap = tracker.Gap();

        Assert.Equal(0, atHour!.Segment.LastSequence);
        Assert.Equal(1, atGap!.Segment.FirstSequence);
        Assert.Null(tracker.OpenRow());
    }

    [Fact]
    public void TheStateSurvivesItsJsonForm()
    {
        var tracker = new SegmentTracker();
        tracker.Add(TestEvents.Event("cam", 0, 1), 0, 10);
        var copy = SegmentTracker.Parse(tracker.ToJson());

        copy.Add(TestEvents.Event("cam", 1, 2), 10, 10);

        Assert.Equal(2, copy.OpenRow()!.Segment.Windows);
        Assert.Equal(1, tracker.OpenRow()!.Segment.Windows);
    }
}
