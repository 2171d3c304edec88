using ActionNet.Abstractions.History;
using Azure.Storage.Blobs;

namespace ActionNet.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LabelHistoryIdempotenceTests(AzuriteFixture azurite)
{
    private readonly BlobContainerClient container = azurite.CreateContainer();

    [Fact]
    public async Task WritingTheSameBatchTwiceStoresItOnce()
    {
        var history = new LabelHistory(container);
        var batch = TestEvents.Range("gate", 0, 9);

        var first = await history.AppendEventsAsync(batch);
        var second = await history.AppendEventsAsync(batch);

        Assert.Equal(new HistoryAppendResult(1, 0), first);
        Assert.Equal(new HistoryAppendResult(0, 1), second);
        Assert.Equal(10, (await history.QueryAsync(new HistoryQuery())).Count);
        Assert.Single(await BlobNamesAsync());
    }

    [Fact]
    public async Task OverlappingBatchesFromAReactivatedWriterYieldEachSequenceOnce()
    {
        await new LabelHistory(container).AppendEventsAsync(TestEvents.Range("gate", 0, 9));

        // A new activation that lost its memory re-sends windows 5..14 in a differently cut batch.
        var reactivated = new LabelHistory(container);
        await reactivated.AppendEventsAsync(TestEvents.Range("gate", 5, 14));

        var sequences = (await reactivated.QueryAsync(new HistoryQuery())).Select(e => e.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), sequences);
        Assert.Equal(2, (await BlobNamesAsync()).Count);
    }

    [Fact]
    public async Task TheHighWaterMarkIsTheLargestStoredSequence()
    {
        var history = new LabelHistory(container);
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 9));
        await history.AppendEventsAsync(TestEvents.Range("gate", 10, 41));
        await history.AppendEventsAsync(TestEvents.Range("gate-2", 0, 99));

        Assert.Equal(41, await new LabelHistory(container).GetLastSequenceAsync("gate"));
        Assert.Equal(99, await history.GetLastSequenceAsync("gate-2"));
        Assert.Null(await history.GetLastSequenceAsync("gate-3"));
    }

    [Fact]
    public async Task TheHighWaterMarkIsFoundInTheNewestHourAcrossDaysAndYears()
    {
        var history = new LabelHistory(container);
        var newYearsEve = new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero) - TestEvents.Origin;
        await history.AppendEventsAsync([TestEvents.Event("gate", 100, newYearsEve.TotalSeconds)]);
        await history.AppendEventsAsync([TestEvents.Event("gate", 101, newYearsEve.TotalSeconds + 120)]);
        await history.AppendEventsAsync([TestEvents.Event("gate", 5, 0)]);

        Assert.Equal(101, await history.GetLastSequenceAsync("gate"));
    }

    [Fact]
    public async Task AWriterThatResumesAfterTheHighWaterMarkLeavesNoGapAndNoRepeat()
    {
        await new LabelHistory(container).AppendEventsAsync(TestEvents.Range("gate", 0, 9));

        var reactivated = new LabelHistory(container);
        var last = await reactivated.GetLastSequenceAsync("gate") ?? -1;
        await reactivated.AppendEventsAsync(TestEvents.Range("gate", 5, 14).Where(e => e.Sequence > last));

        var sequences = (await reactivated.QueryAsync(new HistoryQuery())).Select(e => e.Sequence);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), sequences);
        Assert.Equal(
            ["events/gate/2026/11/25/10/000000000000-000000000009.jsonl", "events/gate/2026/11/25/10/000000000010-000000000014.jsonl"],
            await BlobNamesAsync());
    }

    private async Task<List<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions()))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
