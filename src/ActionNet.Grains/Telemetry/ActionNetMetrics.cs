using System.Diagnostics.Metrics;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cluster;
using ActionNet.Storage;

namespace ActionNet.Grains.Telemetry;

/// <summary>
/// The silo's one <c>ActionNet</c> meter (<see cref="MeterName"/>). The counts have one owner each and are read
/// here, not counted again: frames, windows cut and reconnects from the cameras' counters and windows scored and
/// dropped (tagged <c>reason</c>) from <see cref="SiloActivity"/>, waiting history records from the
/// <see cref="HistoryJournalDirectory"/>. What happens once is recorded as it happens: inference batches (size and
/// model time, tagged <c>profile</c>), storage writes, alert deliveries (tagged <c>outcome</c>). The scorer queue
/// depth and model utilisation (tagged <c>profile</c>) are the figures of the silo's last report, and the cluster
/// gauges (tagged <c>pool</c>) the ledger's figures read right after it (<see cref="SiloReporter"/>, every
/// 5 s, on every silo), so they equal <c>actionnet cluster status</c>. Thread-safe.
/// </summary>
public sealed class ActionNetMetrics
{
    /// <summary>The meter's name, as OpenTelemetry subscribes to it.</summary>
    public const string MeterName = "ActionNet";

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64];

    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> inferenceDuration;
    private readonly Histogram<double> storageWriteDuration;
    private readonly Gauge<int> queueDepth;
    private readonly Gauge<double> utilisation;
    private readonly Gauge<double> clusterCapacity;
    private readonly Gauge<double> clusterDemand;
    private readonly Gauge<double> clusterDemandRatio;
    private readonly Counter<long> alertsDelivered;
    private readonly HashSet<string> poolsSeen = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Creates the meter from <paramref name="meters"/> and its instruments.</summary>
    public ActionNetMetrics(IMeterFactory meters, SiloActivity activity, HistoryJournalDirectory journals)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(journals);
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("actionnet.frames.received", () => activity.FramesReceived, "{frame}", "Frames decoded by the cameras reading on this silo.");
        meter.CreateObservableCounter("actionnet.windows.emitted", () => activity.WindowsEmitted, "{window}", "Windows cut by the cameras reading on this silo (scored, dropped or in flight).");
        meter.CreateObservableCounter("actionnet.windows.scored", () => activity.WindowsScored, "{window}", "Windows scored by this silo's models.");
        meter.CreateObservableCounter("actionnet.windows.dropped", () => Dropped(activity.Drops), "{window}", "Windows dropped on this silo, by reason.");
        meter.CreateObservableCounter("actionnet.camera.reconnects", () => activity.Reconnects, "{reconnect}", "Camera sources reopened on this silo after a failure.");
        meter.CreateObservableGauge("actionnet.history.records.waiting", () => journals.PendingRecords, "{record}", "History records (events and gaps) acknowledged to cameras and waiting in this silo's journals for the store.");
        batchSize = meter.CreateHistogram("actionnet.inference.batch.size", "{window}", "Windows per inference batch.", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        inferenceDuration = meter.CreateHistogram("actionnet.inference.duration", "s", "Model time of one inference batch.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        storageWriteDuration = meter.CreateHistogram("actionnet.storage.write.duration", "s", "Time of one write request (attempt) to the history store.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        queueDepth = meter.CreateGauge<int>("actionnet.scorer.queue.depth", "{window}", "Windows waiting for a batch in the profile's scorer, at the last report.");
        utilisation = meter.CreateGauge<double>("actionnet.model.utilisation", "1", "Fraction of wall time the profile's model ran over the last report interval.");
        clusterCapacity = meter.CreateGauge<double>("actionnet.cluster.capacity", "windows/s", "Windows per second the pool's serving silos sustain (the cluster ledger).");
        clusterDemand = meter.CreateGauge<double>("actionnet.cluster.demand", "windows/s", "Windows per second the cameras on the pool's silos produce (the cluster ledger).");
        clusterDemandRatio = meter.CreateGauge<double>("actionnet.cluster.demand_ratio", unit: null, "The pool's demand over its capacity (the cluster ledger); 0 without capacity.");
        alertsDelivered = meter.CreateCounter<long>("actionnet.alerts.delivered", "{delivery}", "Alert deliveries, by outcome.");
    }

    /// <summary>An inference batch of <paramref name="windows"/> windows of <paramref name="profile"/> ran for <paramref name="modelTime"/>.</summary>
    public void BatchScored(string profile, int windows, TimeSpan modelTime)
    {
        var tag = new KeyValuePair<string, object?>("profile", profile);
        batchSize.Record(windows, tag);
        inferenceDuration.Record(modelTime.TotalSeconds, tag);
    }

    /// <summary>A write request to the history store took <paramref name="duration"/>.</summary>
    public void StorageWritten(TimeSpan duration) => storageWriteDuration.Record(duration.TotalSeconds);

    /// <summary>An alert delivery ended with <paramref name="outcome"/> (e.g. delivered, retried, failed).</summary>
    public void AlertDelivered(string outcome) => alertsDelivered.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The silo reported <paramref name="load"/> for a profile whose scorer has <paramref name="queued"/> windows waiting.</summary>
    public void ProfileReported(ProfileLoad load, int queued)
    {
        ArgumentNullException.ThrowIfNull(load);
        var tag = new KeyValuePair<string, object?>("profile", load.Profile);
        utilisation.Record(load.Utilisation, tag);
        queueDepth.Record(queued, tag);
    }

    /// <summary>
    /// The ledger's <paramref name="pools"/>, as <see cref="IClusterStatusGrain.GetStatusAsync"/> returned them. A
    /// pool seen before and missing now (no silo of it reports) reads 0.
    /// </summary>
    public void ClusterRead(IReadOnlyList<PoolLoad> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        lock (gate)
        {
            foreach (var gone in poolsSeen.Except(pools.Select(p => p.Pool)).ToArray())
            {
                Record(new PoolLoad { Pool = gone });
            }

            foreach (var pool in pools)
            {
                Record(pool);
                poolsSeen.Add(pool.Pool);
            }
        }
    }

    private void Record(PoolLoad pool)
    {
        var tag = new KeyValuePair<string, object?>("pool", pool.Pool);
        clusterCapacity.Record(pool.Capacity, tag);
        clusterDemand.Record(pool.Demand, tag);
        clusterDemandRatio.Record(pool.DemandRatio, tag);
    }

    private static Measurement<long>[] Dropped(WindowDrops drops) =>
    [
        new(drops.Overload, new KeyValuePair<string, object?>("reason", "overload")),
        new(drops.NoAccelerator, new KeyValuePair<string, object?>("reason", "no_accelerator")),
        new(drops.Failed, new KeyValuePair<string, object?>("reason", "failed")),
        new(drops.Unrecorded, new KeyValuePair<string, object?>("reason", "unrecorded")),
    ];
}
