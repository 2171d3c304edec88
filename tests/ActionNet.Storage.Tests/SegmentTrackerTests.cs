namespace ActionNet.Storage.Tests;

/// <summary>How events become segments and daily totals.</summary>
public sealed class SegmentTrackerTests
{
    [Fact]
    public void ASegmentClosesWhenTheLabelChangesAndCountsOverlappingWindowsOnce()
    {
        var tracker = new SegmentTracker();

        Assert.Empty(tracker.Add(TestEvents.Event("cam", 0, 1, "push", 0.9f, windowSeconds: 2), 0, 10));
        Assert.Empty(tracker.Add(TestEvents.Event("cam", 1, 2, "push", 0.7f, windowSeconds: 2), 10, 10));
        var closed = Assert.Single(tracker.Add(TestEvents.Event("cam", 2, 3, "walk", 0.8f, windowSeconds: 2), 20, 10));

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
        var atHour = Assert.Single(tracker.Add(TestEvents.Event("cam", 1, 3601), 0, 10));
        var atGap = Assert.Single(tracker.Gap());

        Assert.Equal(0, atHour.Segment.LastSequence);
        Assert.Equal(1, atGap.Segment.FirstSequence);
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

    [Fact]
    public void AStateWrittenBeforeTracksContinuesItsOpenRunAsTheWholeFrameTrack()
    {
        // The state row as writers before per-track segments stored it: one camera-wide run at the top level.
        var hour = TestEvents.Origin.UtcTicks;
        var old = $$$"""
            {"open":{"label":"walk","start":"2026-11-25T10:00:00+00:00","end":"2026-11-25T10:00:01+00:00","firstEnd":"2026-11-25T10:00:01+00:00","firstSequence":0,"lastSequence":0,"windows":1,"confidenceSum":0.9,"peak":0.9,"model":"m","seconds":1,"hourTicks":{{{hour}}},"offset":0,"length":10},
             "day":"2026-11-25","totals":{"walk":{"seconds":1,"windows":1,"segments":1}},"previousEnd":"2026-11-25T10:00:01+00:00"}
            """;
        var tracker = SegmentTracker.Parse(old);

        Assert.Empty(tracker.Add(TestEvents.Event("cam", 1, 2), 10, 10));

        var open = Assert.Single(tracker.OpenRows());
        Assert.Equal((0L, 1L, 2, 2.0), (open.Segment.FirstSequence, open.Segment.LastSequence, open.Segment.Windows, open.Segment.Seconds));
        using var written = System.Text.Json.JsonDocument.Parse(tracker.ToJson());
        Assert.False(written.RootElement.TryGetProperty("open", out _));
        Assert.False(written.RootElement.TryGetProperty("previousEnd", out _));
    }

    [Fact]
    public void EachTrackHasItsOwnRunAndOwnsItsOwnTime()
    {
        var tracker = new SegmentTracker();
        var a = TestEvents.Event("cam", 0, 2, "walk", windowSeconds: 2) with { TrackId = "0", Box = [1, 2, 3, 4] };
        var b = TestEvents.Event("cam", 1, 2, "run", windowSeconds: 2) with { TrackId = "1" };
        var a2 = TestEvents.Event("cam", 2, 3, "walk", windowSeconds: 2) with { TrackId = "0", Box = [2, 2, 4, 4] };

        Assert.Empty(tracker.Add(a, 0, 10));
        Assert.Empty(tracker.Add(b, 10, 10));
        Assert.Empty(tracker.Add(a2, 20, 10));

        var runs = tracker.OpenRows();
        Assert.Equal(2, runs.Count);
        var walk = runs.Single(r => r.Segment.TrackId == "0");
        Assert.Equal(("walk", 2, 3.0), (walk.Segment.Label, walk.Segment.Windows, walk.Segment.Seconds));
        Assert.Equal([2f, 2, 4, 4], walk.Segment.Box!);
        Assert.Equal((0L, 30L), (walk.Offset, walk.Length));
        Assert.Equal(("run", 2.0), (runs.Single(r => r.Segment.TrackId == "1").Segment.Label, runs.Single(r => r.Segment.TrackId == "1").Segment.Seconds));

        // Two people walking for the same seconds count twice in the day's totals: person-seconds.
        Assert.Equal(3.0, tracker.Totals["walk"].Seconds, 6);
        Assert.Equal(2.0, tracker.Totals["run"].Seconds, 6);
    }

    [Fact]
    public void ATrackThatLeftEndsItsRunWhenAnotherTrackOutlastsTheIdleTime()
    {
        var tracker = new SegmentTracker();
        tracker.Add(TestEvents.Event("cam", 0, 1) with { TrackId = "0" }, 0, 10);
        tracker.Add(TestEvents.Event("cam", 1, 1) with { TrackId = "1" }, 10, 10);

        Assert.Empty(tracker.Add(TestEvents.Event("cam", 2, 1 + LabelSegmentIdle) with { TrackId = "1" }, 20, 10));
        var ended = Assert.Single(tracker.Add(TestEvents.Event("cam", 3, 2 + LabelSegmentIdle + 0.5) with { TrackId = "1" }, 30, 10));

        Assert.Equal(("0", 0L, false), (ended.Segment.TrackId, ended.Segment.FirstSequence, ended.Segment.Open));
        Assert.Equal("1", Assert.Single(tracker.OpenRows()).Segment.TrackId);
    }

    [Fact]
    public void AGapEndsEveryTracksRunOldestFirst()
    {
        var tracker = new SegmentTracker();
        tracker.Add(TestEvents.Event("cam", 0, 1) with { TrackId = "0" }, 0, 10);
        tracker.Add(TestEvents.Event("cam", 1, 2) with { TrackId = "1" }, 10, 10);

        var ended = tracker.Gap();

        Assert.Equal(["0", "1"], ended.Select(r => r.Segment.TrackId));
        Assert.Empty(tracker.OpenRows());
        Assert.Empty(tracker.Tracks);
    }

    private const double LabelSegmentIdle = Abstractions.History.LabelSegment.TrackIdleSeconds;
}
