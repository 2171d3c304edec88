using ActionNet.Abstractions.History;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HistoryBlobLayoutTests(AzuriteFixture azurite)
{
    private readonly BlobContainerClient container = azurite.CreateContainer();

    [Fact]
    public async Task ABatchThatSpansAnHourBoundaryIsSplitIntoOneBlobPerHour()
    {
        var history = new LabelHistory(container);
        var batch = Enumerable.Range(0, 6).Select(i => TestEvents.Event("gate", 40 + i, 3600 - 3 + i)).ToArray();

        var result = await history.AppendEventsAsync(batch);

        Assert.Equal(new HistoryAppendResult(2, 0), result);
        Assert.Equal(
            ["events/gate/2026/11/25/10/000000000040-000000000042.jsonl", "events/gate/2026/11/25/11/000000000043-000000000045.jsonl"],
            await BlobNamesAsync("events/"));
        Assert.Equal(6, (await history.QueryAsync(new HistoryQuery())).Count);
    }

    [Fact]
    public async Task SegmentsLiveUnderTheirOwnPrefix()
    {
        var history = new LabelHistory(container);
        await history.AppendSegmentsAsync([
            new LabelSegment { CameraId = "gate", Label = "walk", Start = TestEvents.Origin, End = TestEvents.Origin.AddSeconds(30), FirstSequence = 3, LastSequence = 30 },
        ]);

        Assert.Equal(["segments/gate/2026/11/25/10/000000000003-000000000030.jsonl"], await BlobNamesAsync(""));
    }

    [Fact]
    public void ANarrowRangeListsOnlyItsHours()
    {
        var prefixes = HistoryBlobLayout.RangePrefixes("events", "gate", TestEvents.Origin.AddMinutes(30), TestEvents.Origin.AddHours(2), 168);

        Assert.Equal(["events/gate/2026/11/25/10/", "events/gate/2026/11/25/11/"], prefixes);
    }

    [Fact]
    public void ARangeEndingExactlyOnTheHourDoesNotListTheNextHour()
    {
        var prefixes = HistoryBlobLayout.RangePrefixes("events", "gate", TestEvents.Origin, TestEvents.Origin.AddHours(1), 168);

        Assert.Equal(["events/gate/2026/11/25/10/"], prefixes);
    }

    [Fact]
    public void AWideRangeFallsBackToDaysThenMonths()
    {
        var tenDays = HistoryBlobLayout.RangePrefixes("events", "gate", TestEvents.Origin, TestEvents.Origin.AddDays(10), 168);
        var twoYears = HistoryBlobLayout.RangePrefixes("events", "gate", TestEvents.Origin, TestEvents.Origin.AddYears(2), 168);

        Assert.Equal(11, tenDays.Count);
        Assert.Equal("events/gate/2026/11/25/", tenDays[0]);
        Assert.Equal(25, twoYears.Count);
        Assert.Equal("events/gate/2026/11/", twoYears[0]);
    }

    [Fact]
    public void ARangeOpenAtTheStartListsTheWholeCamera()
    {
        Assert.Equal(["events/gate/"], HistoryBlobLayout.RangePrefixes("events", "gate", null, TestEvents.Origin, 168));
    }

    [Fact]
    public void BlobNamesParseBackToTheirHourAndSequences()
    {
        var name = HistoryBlobLayout.BlobName("events", "gate", new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), 12, 345);

        Assert.True(HistoryBlobLayout.TryParse(name, out var hour, out var first, out var last));
        Assert.Equal((new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), 12L, 345L), (hour, first, last));
    }

    private async Task<List<string>> BlobNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
