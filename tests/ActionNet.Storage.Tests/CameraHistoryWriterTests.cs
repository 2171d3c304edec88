using System.Text;
using System.Text.Json;
using ActionNet.Abstractions.History;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace ActionNet.Storage.Tests;

/// <summary>The one-writer rule, replays and crash adoption, against real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CameraHistoryWriterTests(AzuriteFixture azurite)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task TwoRacingWritersNeverBothWriteAndTheOlderOneIsFenced()
    {
        var store = azurite.CreateStore();
        var first = await store.OpenWriterAsync("gate", "silo-1");
        await first.WriteAsync(Records("gate", 0, 9));
        var second = await store.OpenWriterAsync("gate", "silo-2");

        // Both race to write the same next windows (scored twice during a partition).
        var results = await Task.WhenAll(
            Capture(() => first.WriteAsync(Records("gate", 10, 19, "run"))),
            Capture(() => second.WriteAsync(Records("gate", 10, 19, "walk"))));

        Assert.True(second.Epoch > first.Epoch);
        Assert.IsType<WriterFencedException>(results[0]);
        Assert.Null(results[1]);
        var stored = await RawEventsAsync(store, "gate");
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), stored.Select(e => e.Sequence));
        Assert.All(stored.Where(e => e.Sequence >= 10), e => Assert.Equal("walk", e.Label));
        Assert.IsType<WriterFencedException>(await Capture(() => first.WriteAsync(Records("gate", 20, 21))));
    }

    [Fact]
    public async Task WritersOpeningAtOnceOverACrashedWritersLeaseAllOpenAndOnlyTheNewestWrites()
    {
        var store = azurite.CreateStore();
        var crashed = await store.OpenWriterAsync("quay", "silo-0");
        await crashed.WriteAsync(Records("quay", 0, 4));

        // A restarted silo's flush timer and a camera's first window both open the camera's writer: each breaks
        // the other's lease of the hour blob. Neither may fail with a raw lease conflict.
        var opened = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => store.OpenWriterAsync("quay", $"silo-{i}")));
        var newest = opened.MaxBy(w => w.Epoch)!;
        Assert.Equal(opened.Length, opened.Select(w => w.Epoch).Distinct().Count());

        var results = await Task.WhenAll(opened.Select(w => Capture(() => w.WriteAsync(Records("quay", 5, 9, $"by-{w.Epoch}")))));

        Assert.Null(results[Array.IndexOf(opened, newest)]);
        Assert.All(results.Where((_, i) => opened[i] != newest), r => Assert.IsType<WriterFencedException>(r));
        var stored = await RawEventsAsync(store, "quay");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), stored.Select(e => e.Sequence));
        Assert.All(stored.Where(e => e.Sequence >= 5), e => Assert.Equal($"by-{newest.Epoch}", e.Label));
    }

    [Fact]
    public async Task WritingTheSameRecordsAgainStoresNothingTwice()
    {
        var store = azurite.CreateStore();
        var writer = await store.OpenWriterAsync("dock", "silo");
        var records = Records("dock", 0, 29);

        await writer.WriteAsync(records);
        await writer.WriteAsync(records);
        var reopened = await store.OpenWriterAsync("dock", "silo");
        await reopened.WriteAsync(records);

        var stored = await RawEventsAsync(store, "dock");
        Assert.Equal(30, stored.Count);
        Assert.Equal(29, reopened.HighWater);
        var page = await store.QueryAsync(new HistoryQuery { Cameras = ["dock"] });
        Assert.Equal(30, page.Items.Length);
    }

    [Fact]
    public async Task EventsAppendedByAWriterThatCrashedBeforeIndexingAreAdoptedByTheNextWriter()
    {
        var store = azurite.CreateStore();
        var writer = await store.OpenWriterAsync("yard", "silo");
        await writer.WriteAsync(Records("yard", 0, 9));

        // The crash: events 10..14 reached the hour blob, the index never heard of them.
        var blob = BlobFor(store, "yard", TestEvents.Event("yard", 10, 10).End);
        await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        var lines = string.Concat(Records("yard", 10, 14).Select(r => JsonSerializer.Serialize(r.Event, Json) + "\n"));
        await blob.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines)));

        var next = await store.OpenWriterAsync("yard", "silo");
        await next.WriteAsync(Records("yard", 10, 19));

        Assert.Equal(19, next.HighWater);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), (await RawEventsAsync(store, "yard")).Select(e => e.Sequence));
        var segments = await store.QuerySegmentsAsync(new HistoryQuery { Cameras = ["yard"] });
        Assert.Equal(20, segments.Items.Sum(s => s.Windows));
        Assert.Equal(20, (await store.QueryAsync(new HistoryQuery { Cameras = ["yard"] })).Items.Length);
    }

    [Fact]
    public async Task AGapClosesTheOpenSegmentAndIsStoredWithItsReason()
    {
        var store = azurite.CreateStore();
        var writer = await store.OpenWriterAsync("lane", "silo");
        var gap = new HistoryGap { CameraId = "lane", Start = TestEvents.Origin.AddSeconds(4), End = TestEvents.Origin.AddSeconds(9), PreviousSequence = 4, NextSequence = 5, Reason = "3 scored window(s) lost: journal full", LostWindows = 3 };
        await writer.WriteAsync([.. Records("lane", 0, 4), new HistoryRecord { Gap = gap }, .. Records("lane", 5, 9)]);

        var segments = (await store.QuerySegmentsAsync(new HistoryQuery { Cameras = ["lane"] })).Items;
        var gaps = (await store.QueryGapsAsync(new HistoryQuery { Cameras = ["lane"] })).Items;

        Assert.Equal([(0L, 4L, false), (5L, 9L, true)], segments.Select(s => (s.FirstSequence, s.LastSequence, s.Open)));
        Assert.Equal(gap, Assert.Single(gaps));
    }

    private static HistoryRecord[] Records(string camera, long first, long last, string label = "walk") =>
        [.. TestEvents.Range(camera, first, last, label).Select(e => new HistoryRecord { Event = e })];

    private static async Task<Exception?> Capture(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static AppendBlobClient BlobFor(LabelStore store, string camera, DateTimeOffset time) =>
        store.Container.GetAppendBlobClient(HistoryKeys.EventBlob(camera, HistoryKeys.HourOf(time)));

    private static async Task<List<ActionEvent>> RawEventsAsync(LabelStore store, string camera)
    {
        var events = new List<ActionEvent>();
        await foreach (var item in store.Container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"events/{camera}/" }))
        {
            var content = await store.Container.GetBlobClient(item.Name).DownloadContentAsync();
            events.AddRange(content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<ActionEvent>(l, Json)!));
        }

        return events;
    }
}
