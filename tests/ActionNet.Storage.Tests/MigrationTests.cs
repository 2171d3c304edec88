using System.Globalization;
using ActionNet.Abstractions.History;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage.Tests;

/// <summary>History in the earlier layout (a block blob per flush) becomes indexed history, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MigrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OldLayoutBlobsAreConvertedIntoQueryableHistoryAndRemoved()
    {
        var store = azurite.CreateStore();
        await store.EnsureCreatedAsync();
        var events = TestEvents.Range("gate", 0, 59).Select(e => e with { Label = e.Sequence < 30 ? "walk" : "run" }).ToArray();
        foreach (var chunk in events.Chunk(7))
        {
            await WriteOldAsync(store, "events", chunk[0].End, chunk[0].Sequence, chunk[^1].Sequence, chunk);
        }

        var gap = new HistoryGap { CameraId = "gate", Start = events[39].End, End = events[40].Start, PreviousSequence = 39, NextSequence = 40, Silo = "old" };
        await WriteOldAsync(store, "gaps", gap.End, 40, 40, [gap]);
        var migration = new HistoryMigration(store);

        Assert.Equal(["gate"], await migration.CamerasToMigrateAsync());
        var (migrated, gaps, removed) = await migration.MigrateAsync("gate");
        var again = await migration.MigrateAsync("gate");

        Assert.Equal((60, 1, 10), (migrated, gaps, removed));
        Assert.Equal((0, 0, 0), again);
        Assert.Empty(await migration.CamerasToMigrateAsync());
        var stored = await HistoryPages.ToListAsync(new HistoryQuery { Cameras = ["gate"], Limit = 25 }, q => store.QueryAsync(q));
        Assert.Equal(events.Select(e => (e.Sequence, e.Label)), stored.Select(e => (e.Sequence, e.Label)));
        var segments = (await store.QuerySegmentsAsync(new HistoryQuery { Cameras = ["gate"] })).Items;
        Assert.Equal([("walk", 0L, 29L), ("run", 30L, 39L), ("run", 40L, 59L)], segments.Select(s => (s.Label, s.FirstSequence, s.LastSequence)));
        Assert.Equal(40, Assert.Single((await store.QueryGapsAsync(new HistoryQuery { Cameras = ["gate"] })).Items).NextSequence);
        await foreach (var left in store.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = "gaps/" }))
        {
            Assert.Fail($"old gap blob {left.Name} left behind");
        }
    }

    private static async Task WriteOldAsync<T>(LabelStore store, string root, DateTimeOffset time, long first, long last, IEnumerable<T> records)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{root}/gate/{time.UtcDateTime:yyyy'/'MM'/'dd'/'HH}/{first:D12}-{last:D12}.jsonl");
        var lines = string.Concat(records.Select(r => System.Text.Json.JsonSerializer.Serialize(r, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) + "\n"));
        await store.Container.UploadBlobAsync(name, BinaryData.FromString(lines));
    }
}
