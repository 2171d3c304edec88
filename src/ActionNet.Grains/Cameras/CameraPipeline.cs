using System.Threading.Channels;
using ActionNet.Abstractions;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Inference;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Scoring;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Sources;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Everything a running camera does, on the silo it runs on, without a grain: a supervised reader
/// (<see cref="CameraIngest"/>) cuts windows; each goes at once to this silo's <see cref="ProfileScorer"/>
/// in process (pixels never cross the network); a recorder awaits the scores in the order the windows
/// were cut, numbers them (and gives each tracked person their public id, <see cref="TrackIdMap"/>), and hands
/// each <see cref="ScoredWindow"/> (a few hundred bytes) to
/// <see cref="CameraPipelineHooks.RecordAsync"/>. Every window cut is recorded or counted as dropped with a
/// reason. Stopping lets windows already being scored be recorded, so a move loses none of them.
/// </summary>
public sealed partial class CameraPipeline : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly string cameraId;
    private readonly CameraRegistration registration;
    private readonly CameraPlan plan;
    private readonly ModelContract contract;
    private readonly ProfileScorer scorer;
    private readonly CameraPipelineHooks hooks;
    private readonly CameraCounters counters;
    private readonly SiloActivity activity;
    private readonly IngestOptions options;
    private readonly string silo;
    private readonly string accelerator;
    private readonly bool cudaDecoding;
    private readonly Func<IPersonDetector>? createDetector;
    private readonly ILogger logger;
    private readonly TrackIdMap trackIds = new();
    private readonly WindowArrayPool pool = new();
    private readonly Channel<(CapturedWindow Window, Task<ClipScores> Score)> scoring;
    private readonly CancellationTokenSource stopReading = new();
    private Task? reader;
    private Task? recorder;

    /// <summary>Prepares the pipeline; <see cref="Start"/> runs it.</summary>
    public CameraPipeline(
        string cameraId,
        CameraRegistration registration,
        CameraPlan plan,
        ModelContract contract,
        ProfileScorer scorer,
        CameraPipelineHooks hooks,
        CameraCounters counters,
        SiloActivity activity,
        IngestOptions options,
        SiloIdentity silo,
        bool cudaDecoding,
        Func<IPersonDetector>? createDetector,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        this.cameraId = cameraId;
        this.registration = registration;
        this.plan = plan;
        this.contract = contract;
        this.scorer = scorer;
        this.hooks = hooks;
        this.counters = counters;
        this.activity = activity;
        this.options = options;
        this.silo = silo.Name;
        accelerator = silo.Accelerator;
        this.cudaDecoding = cudaDecoding;
        this.createDetector = createDetector;
        this.logger = logger;

        // Windows of this camera between being cut and being recorded: the scorer's own bounded queue is what
        // sheds overload fairly; this bound only keeps a stalled recorder from holding unbounded memory.
        scoring = Channel.CreateBounded<(CapturedWindow, Task<ClipScores>)>(new BoundedChannelOptions(Math.Max(2, options.QueueCapacity) * 2)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The latest decoded frame, as a small JPEG.</summary>
    public FrameSnapshot Snapshot { get; } = new(TimeProvider.System);

    /// <summary>Whether the reader has ended by itself (a file source that ended without looping).</summary>
    public bool ReaderEnded => reader is { IsCompleted: true } && !stopReading.IsCancellationRequested;

    /// <summary>Starts the reader and the recorder on thread-pool threads.</summary>
    public void Start()
    {
        activity.CameraStarted(cameraId, plan.Profile, counters);
        reader = Task.Run(ReadAsync);
        recorder = Task.Run(RecordAsync);
    }

    /// <summary>
    /// Stops reading, lets the windows already cut be scored and recorded (up to 10 s), and returns their
    /// arrays. Safe to call more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (stopReading.IsCancellationRequested)
        {
            return;
        }

        await stopReading.CancelAsync();
        await Settle(reader);
        scoring.Writer.TryComplete();
        if (recorder is not null && !await Finished(recorder, DrainTimeout))
        {
            LogDrainTimedOut(cameraId, DrainTimeout.TotalSeconds);
        }

        activity.CameraStopped(cameraId);
        stopReading.Dispose();
    }

    // Supervises the reader: an unexpected failure restarts it after the retry delay; a file that ends stops it.
    private async Task ReadAsync()
    {
        var token = stopReading.Token;
        try
        {
            var ingest = new CameraIngest(cameraId, registration, plan, contract, Emit, Snapshot, pool, counters, options, cudaDecoding, createDetector, logger);
            while (!token.IsCancellationRequested)
            {
                try
                {
                    await ingest.RunAsync(token);
                    return;
                }
                catch (Exception e) when (!token.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    counters.SetState(CameraState.Reconnecting, e.Message);
                    LogReaderCrashed(cameraId, ErrorText.OneLine(e.Message));
                    await Task.Delay(TimeSpan.FromSeconds(options.RetrySeconds), token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            scoring.Writer.TryComplete();
        }
    }

    // Called on the reader's thread for every window cut; never blocks it.
    private void Emit(CapturedWindow window)
    {
        counters.Emitted();
        if (!scoring.Writer.TryWrite((window, scorer.ScoreAsync(window.Window.Clip))))
        {
            // Recording is behind by a whole queue: this window's scores would only wait longer.
            Drop(DropReason.Overload);
            window.ReturnTo(pool);
        }
    }

    private async Task RecordAsync()
    {
        long? next = null;
        await foreach (var (window, score) in scoring.Reader.ReadAllAsync())
        {
            ClipScores scores;
            try
            {
                scores = await score;
            }
            catch (ScorerOverloadedException)
            {
                Drop(DropReason.Overload);
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Drop(DropReason.Failed);
                counters.Failed(e.Message);
                LogScoringFailed(cameraId, ErrorText.OneLine(e.Message));
                continue;
            }
            finally
            {
                window.ReturnTo(pool);
            }

            try
            {
                // The aggregator knows the stored high-water mark, so numbers never repeat across moves and restarts.
                next ??= await hooks.NextSequenceAsync();
                var track = window.Person is { } person ? trackIds.IdOf(person, next.Value) : null;
                await hooks.RecordAsync(new ScoredWindow { Window = window.ToHeader(cameraId, next.Value, track), Result = Result(scores) });
                next++;
                counters.Scored();
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException or ArgumentException or OperationCanceledException)
            {
                // Whether the aggregator kept it is unknown: ask it for the next number again. The recorder has no
                // token of its own: a cancellation here is a grain call's (addressing the aggregator while the
                // grain directory recovers a dead silo's range), and letting it end the recorder would stall the camera.
                next = null;
                Drop(DropReason.Unrecorded);
                counters.Failed(e.Message);
                LogRecordFailed(cameraId, ErrorText.OneLine(e.Message));
            }
        }
    }

    private ScoringResult Result(ClipScores scores) => new()
    {
        Probabilities = scores.Probabilities,
        Logits = scores.Logits,
        Labels = [.. contract.Labels],
        Model = scorer.ModelName,
        Silo = silo,
        Accelerator = $"{accelerator} ({scorer.Provider})",
        ScoredAt = DateTimeOffset.UtcNow,
    };

    private void Drop(DropReason reason)
    {
        counters.Dropped(reason);
        activity.Dropped(reason);
    }

    private static async Task<bool> Finished(Task task, TimeSpan timeout)
    {
        var done = await Task.WhenAny(task, Task.Delay(timeout)) == task;
        await Settle(done ? task : null);
        return done;
    }

    private static async Task Settle(Task? task)
    {
        if (task is not null)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: reader crashed, restarting: {Reason}")]
    private partial void LogReaderCrashed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: window not scored: {Reason}")]
    private partial void LogScoringFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: window not recorded: {Reason}")]
    private partial void LogRecordFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: windows still being scored after {Seconds} s at stop; left to finish on their own")]
    private partial void LogDrainTimedOut(string camera, double seconds);
}
