using ActionNet.Abstractions.History;
using Azure.Storage.Blobs;

namespace ActionNet.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LabelHistoryGapTests(AzuriteFixture azurite)
{
    private readonly BlobContainerClient container = azurite.CreateContainer();

    [Fact]
    public async Task TheLastStoredEventIsTheOneWithTheHighestSequence()
    {
        var history = new LabelHistory(container);
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 9));
        await history.AppendEventsAsync(TestEvents.Range("gate", 10, 20));

        var last = await history.GetLastEventAsync("gate");

        Assert.NotNull(last);
        Assert.Equal(20, last.Sequence);
        Assert.Null(await history.GetLastEventAsync("never-seen"));
    }

    [Fact]
    public async Task AGapIsStoredOnceAndFoundByItsCameraAndTime()
    {
        var history = new LabelHistory(container);
        var end = new DateTimeOffset(2026, 11, 25, 17, 30, 0, TimeSpan.Zero);
        var gap = new HistoryGap { CameraId = "gate", Start = end.AddSeconds(-40), End = end, PreviousSequence = 99, NextSequence = 100, Silo = "b" };

        await history.AppendGapsAsync([gap]);
        await history.AppendGapsAsync([gap]);

        var found = Assert.Single(await history.QueryGapsAsync(new HistoryQuery { Cameras = ["gate"], From = end.AddMinutes(-1), To = end.AddMinutes(1) }));
        Assert.Equal(gap, found);
        Assert.Equal(TimeSpan.FromSeconds(40), found.Duration);
        Assert.Empty(await history.QueryGapsAsync(new HistoryQuery { Cameras = ["other"] }));
        Assert.Empty(await history.QueryGapsAsync(new HistoryQuery { Cameras = ["gate"], To = end.AddMinutes(-1) }));
    }
}
