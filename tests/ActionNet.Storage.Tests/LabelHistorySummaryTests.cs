using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LabelHistorySummaryTests(AzuriteFixture azurite)
{
    private readonly LabelHistory history = new(azurite.CreateContainer());

    [Fact]
    public async Task OverlappingWindowsCountTheirCoveredTimeOnce()
    {
        // Two-second windows every second: the first owns 2 s, each later one the 1 s it adds.
        await history.AppendEventsAsync([
            TestEvents.Event("gate", 0, 2, "walk", windowSeconds: 2),
            TestEvents.Event("gate", 1, 3, "walk", windowSeconds: 2),
            TestEvents.Event("gate", 2, 4, "run", windowSeconds: 2),
            TestEvents.Event("gate", 3, 5, "run", windowSeconds: 2),
            TestEvents.Event("gate", 4, 6, "run", windowSeconds: 2),
        ]);

        var totals = await history.SummarizeAsync(new HistoryQuery());

        Assert.Equal(
            [("gate", "run", 3.0, 3), ("gate", "walk", 3.0, 2)],
            totals.Select(t => (t.CameraId, t.Label, Math.Round(t.Seconds, 6), t.Events)));
    }

    [Fact]
    public async Task AGapBetweenWindowsCountsForNoLabel()
    {
        await history.AppendEventsAsync([
            TestEvents.Event("gate", 0, 1),
            TestEvents.Event("gate", 1, 100),
        ]);

        var total = Assert.Single(await history.SummarizeAsync(new HistoryQuery()));

        Assert.Equal(2.0, total.Seconds, 6);
    }

    [Fact]
    public async Task CamerasAreTotalledApartAndRepeatedSequencesCountOnce()
    {
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 9, "walk"));
        await history.AppendEventsAsync(TestEvents.Range("gate", 5, 14, "walk"));
        await history.AppendEventsAsync(TestEvents.Range("dock", 0, 3, "push"));

        var totals = await history.SummarizeAsync(new HistoryQuery());

        Assert.Equal(
            [("dock", "push", 4.0, 4), ("gate", "walk", 15.0, 15)],
            totals.Select(t => (t.CameraId, t.Label, Math.Round(t.Seconds, 6), t.Events)));
    }

    [Fact]
    public async Task FiltersChooseWhichEventsCountWithoutChangingWhatEachOwns()
    {
        await history.AppendEventsAsync([
            TestEvents.Event("gate", 0, 2, "walk", 0.9f, windowSeconds: 2),
            TestEvents.Event("gate", 1, 3, "run", 0.3f, windowSeconds: 2),
            TestEvents.Event("gate", 2, 4, "walk", 0.8f, windowSeconds: 2),
        ]);

        var totals = await history.SummarizeAsync(new HistoryQuery { MinConfidence = 0.5f, Label = "walk" });

        var walk = Assert.Single(totals);
        Assert.Equal(("walk", 3.0, 2), (walk.Label, Math.Round(walk.Seconds, 6), walk.Events));
    }
}
