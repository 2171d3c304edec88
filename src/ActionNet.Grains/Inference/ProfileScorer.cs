using ActionNet.Grains.Cluster;
using ActionNet.Grains.Telemetry;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Scoring;
using ActionNet.Vision.Clips;

namespace ActionNet.Grains.Inference;

/// <summary>
/// This silo's scorer for one profile: one ONNX Runtime session and the batcher that feeds it with windows
/// from every camera on the silo, in process (no pixels cross the network). Its queue is shared and bounded
/// (<see cref="QueuePerBatch"/> batches' worth), so under overload the oldest window of any camera is
/// dropped and every camera loses the same fraction. Measures utilisation (model busy time over wall time)
/// and capacity (windows per second of model time).
/// </summary>
public sealed class ProfileScorer : IAsyncDisposable
{
    /// <summary>Windows that may wait, in batches: enough to keep the model fed, few enough to bound latency.</summary>
    public const int QueuePerBatch = 4;

    // Capacity is reported as measured once this many windows have run; before, the configured start value.
    private const int MeasuredAfterWindows = 32;

    private readonly ActionModel model;
    private readonly ScoreBatcher<ClipInput, ClipScores> batcher;
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private long lastTimestamp;
    private TimeSpan lastBusy;
    private long submitted;

    /// <summary>
    /// Wraps a loaded model; every batch run is counted in <paramref name="activity"/>, and its size and model time
    /// recorded in <paramref name="metrics"/>.
    /// </summary>
    public ProfileScorer(ModelProfile profile, ActionModel model, SiloActivity activity, ActionNetMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        this.model = model;
        this.time = time;
        Profile = profile;
        batcher = new ScoreBatcher<ClipInput, ClipScores>(
            clips =>
            {
                var started = time.GetTimestamp();
                var scores = model.Score(clips);
                activity.Scored(clips.Count);
                metrics.BatchScored(profile.Name, clips.Count, time.GetElapsedTime(started));
                return scores;
            },
            profile.MaxBatch,
            TimeSpan.FromMilliseconds(profile.MaxWaitMs),
            maxQueued: profile.MaxBatch * QueuePerBatch,
            minTimePerItem: TimeSpan.FromMilliseconds(profile.EmulatedDeviceMsPerWindow));
        lastTimestamp = time.GetTimestamp();
    }

    /// <summary>The profile served.</summary>
    public ModelProfile Profile { get; }

    /// <summary>The model's contract: inputs, T, H, W and labels.</summary>
    public ModelContract Contract => model.Contract;

    /// <summary>The model's file name, as reported in results.</summary>
    public string ModelName => Path.GetFileName(model.ModelPath);

    /// <summary>The execution provider the session runs on, e.g. "Cuda" or "Cpu".</summary>
    public string Provider => model.ActiveProvider.ToString();

    /// <summary>Batches run so far.</summary>
    public long Batches => batcher.Batches;

    /// <summary>
    /// Windows per second this scorer sustains when fully busy: windows run per second of busy time once it has
    /// run <see cref="MeasuredAfterWindows"/> windows; the profile's configured capacity before.
    /// </summary>
    public (double WindowsPerSecond, bool Measured) Capacity
    {
        get
        {
            var busy = batcher.Busy.TotalSeconds;
            var items = batcher.Items;
            return items >= MeasuredAfterWindows && busy > 0 ? (items / busy, true) : (Profile.Capacity, false);
        }
    }

    /// <summary>Windows waiting for a batch now.</summary>
    public int Queued => batcher.Queued;

    /// <summary>Windows submitted so far (the demand on this scorer).</summary>
    public long Submitted => Interlocked.Read(ref submitted);

    /// <summary>Scores one clip in the next batch; fails with <see cref="ScorerOverloadedException"/> when it is dropped.</summary>
    public Task<ClipScores> ScoreAsync(ClipInput clip)
    {
        Interlocked.Increment(ref submitted);
        return batcher.SubmitAsync(clip);
    }

    /// <summary>The fraction of wall time the model was busy since the previous call (0..1).</summary>
    public double TakeUtilisation()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            var wall = time.GetElapsedTime(lastTimestamp, now);
            var busy = batcher.Busy;
            var used = busy - lastBusy;
            lastTimestamp = now;
            lastBusy = busy;
            return wall > TimeSpan.Zero ? Math.Clamp(used / wall, 0, 1) : 0;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await batcher.DisposeAsync();
        model.Dispose();
    }
}
