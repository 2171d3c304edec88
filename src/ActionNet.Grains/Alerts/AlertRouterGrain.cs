using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.History;
using ActionNet.Storage;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// One partition's alert router (key: the partition's stream key, <c>p{n}</c>; <see cref="KeyOf"/>): subscribed
/// implicitly to its partition of the live-event plane, so the cluster's alerts are evaluated by
/// <see cref="LiveEvents.Partitions"/> routers spread over the silos, none of which sees every camera. It feeds every
/// event of its cameras to an <see cref="AlertEvaluator"/> and records each phase it decides in the outbox (one row per target, written
/// before the send; a phase already recorded is not recorded or sent again) before the
/// <see cref="AlertOutbox"/> sends it, then stores the firing. A new activation (another silo, after a
/// death) carries on from storage, keeping only its partition's cameras: the rules, the latest firing per rule and
/// labelled stream, the pending deliveries (sent again, with the same key), and the stored segments since its own
/// checkpoint (segments that ended while no router ran still fire); events it cannot place are placed through the
/// label history. Firing ids depend only on the rule, the camera and the segment, so a phase decided twice (a live
/// event lost with a dead silo's queue and found again in storage) is recorded and sent once.
/// </summary>
[ImplicitStreamSubscription(LiveEvents.Namespace)]
public sealed partial class AlertRouterGrain(
    AlertStore store,
    AlertOutbox outbox,
    IOptions<AlertOptions> options,
    IOptions<AggregationOptions> aggregation,
    SiloIdentity silo,
    TimeProvider time,
    ILogger<AlertRouterGrain> logger) : Grain, IAlertRouterGrain, IStreamSubscriptionObserver
{
    private static readonly TimeSpan LookupInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RulesInterval = TimeSpan.FromSeconds(30);
    private readonly AlertOptions settings = options.Value;
    private readonly List<AlertFiring> unrecorded = [];
    private readonly Dictionary<string, DateTimeOffset> nextLookup = new(StringComparer.Ordinal);
    private AlertEvaluator? evaluator;
    private DateTimeOffset? checkpoint;
    private DateTimeOffset rulesReadAt;
    private bool storageDown;

    /// <summary>Every partition's router key, partition 0 first.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. LiveEvents.Streams.Select(s => s.GetKeyAsString())];

    private int Partition => LiveEvents.PartitionOfKey(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"alert router key '{this.GetPrimaryKeyString()}' names no partition of the live-event plane");

    /// <summary>The key of partition <paramref name="partition"/>'s router: the partition stream's key, which the implicit subscription activates.</summary>
    public static string KeyOf(int partition) => Keys[partition];

    private AlertEvaluator Evaluator => evaluator ?? throw new InvalidOperationException("the alert router is not activated");

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        evaluator = new AlertEvaluator(TimeSpan.FromSeconds(settings.UpdateIntervalSeconds), TimeSpan.FromSeconds(aggregation.Value.GapSeconds));
        var rules = await store.ListRulesAsync(cancellationToken);
        evaluator.SetRules(rules);
        rulesReadAt = time.GetUtcNow();
        evaluator.Restore((await store.ListFiringsAsync(cancellationToken)).Where(f => Mine(f.CameraId)));
        checkpoint = await store.GetCheckpointAsync(this.GetPrimaryKeyString(), cancellationToken);
        var pending = (await store.PendingDeliveriesAsync(cancellationToken)).Where(e => Mine(e.Delivery.CameraId)).ToArray();
        foreach (var entry in pending)
        {
            outbox.Enqueue(entry);
        }

        LogActive(this.GetPrimaryKeyString(), silo.Name, rules.Length, evaluator.OpenFirings.Count(), pending.Length);
        if (rules.Length > 0)
        {
            await CatchUpAsync(cancellationToken);
        }

        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await SaveCheckpointAsync(force: true, cancellationToken);
        }
        catch (AlertStorageUnavailableException e)
        {
            LogStorageDown(e.Message);
        }

        await outbox.StopAsync();
    }

    /// <inheritdoc/>
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<LiveEvent>().ResumeAsync(OnNextAsync);
    }

    /// <inheritdoc/>
    public async Task RulesChangedAsync()
    {
        Evaluator.SetRules(await store.ListRulesAsync());
        rulesReadAt = time.GetUtcNow();
    }

    /// <inheritdoc/>
    public Task WakeAsync() => Task.CompletedTask;

    private async Task OnNextAsync(LiveEvent e, StreamSequenceToken? token)
    {
        await RecordAsync(Evaluator.Observe(e));
        await LookUpAsync();
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await RecordAsync([]);
        await LookUpAsync();
        try
        {
            await SaveCheckpointAsync(force: false, cancellationToken);
            if (time.GetUtcNow() - rulesReadAt >= RulesInterval)
            {
                await RulesChangedAsync();
            }
        }
        catch (AlertStorageUnavailableException e)
        {
            NoteStorageDown(e);
        }
    }

    // Phases are recorded in the order decided; one that cannot be written (storage away) waits, with all
    // after it, for the next event or tick.
    private async Task RecordAsync(IReadOnlyList<AlertFiring> firings)
    {
        unrecorded.AddRange(firings);
        while (unrecorded.Count > 0)
        {
            try
            {
                await RecordAsync(unrecorded[0]);
            }
            catch (AlertStorageUnavailableException e)
            {
                NoteStorageDown(e);
                return;
            }

            unrecorded.RemoveAt(0);
            storageDown = false;
        }
    }

    private async Task RecordAsync(AlertFiring firing)
    {
        foreach (var entry in firing.ToOutbox(time.GetUtcNow()))
        {
            if (await store.TryAddDeliveryAsync(entry))
            {
                outbox.Enqueue(entry);
                LogDecided(entry.Delivery.Id);
            }
            else
            {
                LogAlreadyRecorded(entry.Delivery.Id);
            }
        }

        await store.PutFiringAsync(firing.State);
    }

    private async Task LookUpAsync()
    {
        var now = time.GetUtcNow();
        foreach (var lookup in Evaluator.Lookups)
        {
            var key = LabelStreams.Key(lookup.CameraId, lookup.Target.TrackId);
            if (nextLookup.TryGetValue(key, out var due) && due > now)
            {
                continue;
            }

            nextLookup[key] = now + LookupInterval;
            try
            {
                var history = GrainFactory.GetGrain<IHistoryGrain>("alerts");
                var page = await history.SegmentsAsync(new HistoryQuery { Cameras = [lookup.CameraId], Track = lookup.Target.TrackId, From = lookup.Target.End, Limit = 50 });
                var sequence = lookup.Target.Sequence;
                if (page.Items.FirstOrDefault(s => s.FirstSequence <= sequence && sequence <= s.LastSequence) is { } stored)
                {
                    nextLookup.Remove(key);
                    LogPlaced(lookup.CameraId, sequence, stored.FirstSequence);
                    await RecordAsync(Evaluator.Stored(stored with { CameraId = lookup.CameraId }));
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or ArgumentException or HistoryStorageUnavailableException)
            {
                LogLookupFailed(lookup.CameraId, e.Message);
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (checkpoint is not { } seen || settings.CatchUpMinutes == 0)
        {
            return;
        }

        // Only segments of the rules' labels can start a firing; a camera's segments are taken in order.
        var history = GrainFactory.GetGrain<IHistoryGrain>("alerts");
        var from = seen - TimeSpan.FromMinutes(settings.CatchUpMinutes);
        var segments = new List<LabelSegment>();
        foreach (var label in Evaluator.Labels)
        {
            try
            {
                var query = new HistoryQuery { From = from, Label = label, Limit = HistoryQueryRules.MaxLimit };
                segments.AddRange(await HistoryPages.ToListAsync(query, history.SegmentsAsync, cancellationToken));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or ArgumentException or HistoryStorageUnavailableException)
            {
                LogCatchUpFailed(label, e.Message);
            }
        }

        foreach (var segment in segments.Where(s => Mine(s.CameraId)).OrderBy(s => s.CameraId, StringComparer.Ordinal).ThenBy(s => s.FirstSequence))
        {
            await RecordAsync(Evaluator.Stored(segment));
        }

        LogCaughtUp(segments.Count, from);
    }

    private async Task SaveCheckpointAsync(bool force, CancellationToken cancellationToken)
    {
        if (evaluator?.Seen is not { } seen || (checkpoint is { } saved && (seen <= saved || (!force && seen - saved < CheckpointInterval))))
        {
            return;
        }

        await store.PutCheckpointAsync(this.GetPrimaryKeyString(), seen, cancellationToken);
        checkpoint = seen;
    }

    private bool Mine(string cameraId) => LiveEvents.PartitionOf(cameraId) == Partition;

    private void NoteStorageDown(AlertStorageUnavailableException e)
    {
        if (!storageDown)
        {
            LogStorageDown(e.Message);
        }

        storageDown = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alert router {Partition} active on silo {Silo}: {Rules} rule(s), {Open} open firing(s), {Pending} pending delivery(ies) resumed")]
    private partial void LogActive(string partition, string silo, int rules, int open, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "alert delivery {Delivery} recorded")]
    private partial void LogDecided(string delivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "alert delivery {Delivery} was recorded before; not sent again")]
    private partial void LogAlreadyRecorded(string delivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: event {Sequence} placed in stored segment {First}")]
    private partial void LogPlaced(string camera, long sequence, long first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: label history lookup failed, trying again: {Reason}")]
    private partial void LogLookupFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "alert router read {Segments} stored segment(s) of its rules' labels since {From:o}")]
    private partial void LogCaughtUp(int segments, DateTimeOffset from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert router could not read the stored {Label} segments since its checkpoint: {Reason}")]
    private partial void LogCatchUpFailed(string label, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert storage unavailable; firings wait in memory until it is back: {Reason}")]
    private partial void LogStorageDown(string reason);
}
