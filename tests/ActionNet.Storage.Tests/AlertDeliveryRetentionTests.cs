using ActionNet.Abstractions.Alerts;
using ActionNet.Storage.Alerts;
using Azure.Data.Tables;

namespace ActionNet.Storage.Tests;

/// <summary>The deliveries table does not grow for ever: settled deliveries older than the cutoff go, both rows of each.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertDeliveryRetentionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SettledDeliveriesBeforeTheCutoffAreRemovedAndPendingOrNewerOnesStay()
    {
        var store = NewStore();
        var oldDelivered = Delivery("old-delivered", Cutoff.AddDays(-3), AlertOutcome.Delivered);
        var oldFailed = Delivery("old-failed", Cutoff.AddMilliseconds(-1), AlertOutcome.Failed);
        var oldPending = Delivery("old-pending", Cutoff.AddDays(-2), AlertOutcome.Pending);
        var atCutoff = Delivery("at-cutoff", Cutoff, AlertOutcome.Delivered);
        var recent = Delivery("recent", Cutoff.AddHours(5), AlertOutcome.Delivered);
        foreach (var delivery in new[] { oldDelivered, oldFailed, oldPending, atCutoff, recent })
        {
            Assert.True(await store.TryAddDeliveryAsync(new AlertOutboxEntry(delivery, "{}", "http://127.0.0.1:9/hook")));
        }

        var removed = await store.SweepDeliveriesAsync(Cutoff);

        Assert.Equal(2, removed);
        var listed = await store.DeliveriesAsync(AlertInputRules.MaxDeliveriesLimit, null);
        Assert.Equal(["recent", "at-cutoff", "old-pending"], listed.Items.Select(d => d.Id));
        Assert.Equal(["old-pending"], (await store.PendingDeliveriesAsync()).Select(e => e.Delivery.Id));

        // The id rows went with the time rows: the ids are free again, so nothing of theirs is left behind.
        Assert.True(await store.TryAddDeliveryAsync(new AlertOutboxEntry(oldDelivered, "{}", null)));
        Assert.Equal(0, await store.SweepDeliveriesAsync(Cutoff.AddDays(-30)));
    }

    [Fact]
    public async Task ABacklogGoesInTransactionsOfFiftyDeliveries()
    {
        var store = NewStore();
        var old = Enumerable.Range(0, 120).Select(i => Delivery($"old-{i:D3}", Cutoff.AddMinutes(-1 - i), AlertOutcome.Delivered));
        await Task.WhenAll(old.Append(Delivery("kept", Cutoff.AddMinutes(1), AlertOutcome.Failed))
            .Select(d => store.TryAddDeliveryAsync(new AlertOutboxEntry(d, "{}", null))));

        Assert.Equal(120, await store.SweepDeliveriesAsync(Cutoff));

        Assert.Equal(["kept"], (await store.DeliveriesAsync(AlertInputRules.MaxDeliveriesLimit, null)).Items.Select(d => d.Id));
    }

    [Fact]
    public async Task ADeliveryMissingOneOfItsRowsIsStillRemoved()
    {
        var (store, table) = NewStoreAndDeliveriesTable();
        var settled = Delivery("half", Cutoff.AddDays(-1), AlertOutcome.Delivered);
        Assert.True(await store.TryAddDeliveryAsync(new AlertOutboxEntry(settled, "{}", null)));

        // As if an earlier sweep had stopped between the two rows: the id row is gone, the time row is listed.
        await table.DeleteEntityAsync("delivery", "i.half");
        Assert.Equal(1, await store.SweepDeliveriesAsync(Cutoff));

        // Sweeping again finds nothing, and an empty table sweeps cleanly.
        Assert.Equal(0, await store.SweepDeliveriesAsync(Cutoff));
        Assert.Empty((await store.DeliveriesAsync(AlertInputRules.MaxDeliveriesLimit, null)).Items);
    }

    private AlertStore NewStore() => NewStoreAndDeliveriesTable().Store;

    private (AlertStore Store, TableClient Deliveries) NewStoreAndDeliveriesTable()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return (AlertStore.Connect(azurite.ConnectionString, $"rules{suffix}", $"deliveries{suffix}"), new TableClient(azurite.ConnectionString, $"deliveries{suffix}"));
    }

    private static AlertDelivery Delivery(string id, DateTimeOffset created, AlertOutcome outcome) => new()
    {
        Id = id,
        FiringId = $"rule.cam.{id}",
        RuleId = "rule",
        CameraId = "cam",
        Label = "fall_floor",
        Phase = AlertPhase.Start,
        Target = AlertTarget.Webhook,
        Outcome = outcome,
        Attempts = outcome == AlertOutcome.Pending ? 0 : 1,
        CreatedAt = created,
        CompletedAt = outcome == AlertOutcome.Pending ? null : created.AddSeconds(1),
    };
}
