using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Placement;
using ActionNet.Inference.Contracts;
using ActionNet.Vision.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// One camera (key: camera id). Its registration is stored in the <see cref="StorageName"/> grain
/// storage. While registered and enabled, the activation owns a <see cref="CameraIngest"/> reader on a
/// thread-pool thread and a dispatcher on the grain scheduler that sends one window at a time to the
/// camera's inference shard and the result to its aggregator. A keep-alive timer holds the activation
/// while it reads; if its silo dies, <see cref="CameraRegistryGrain"/> wakes it on another.
/// </summary>
public sealed partial class CameraGrain(
    [PersistentState("camera", CameraGrain.StorageName)] IPersistentState<CameraRegistration> stored,
    ModelHost models,
    AcceleratorDirectory accelerators,
    SiloActivity activity,
    SiloIdentity silo,
    CameraCredentials credentials,
    IOptions<IngestOptions> options,
    ILogger<CameraGrain> logger) : Grain, ICameraGrain
{
    /// <summary>The grain storage provider that holds camera registrations and the registry.</summary>
    public const string StorageName = "cameras";

    private readonly IngestOptions settings = options.Value;
    private readonly CameraCounters counters = new();
    private readonly WindowArrayPool pool = new();
    private Pipeline? running;

    private string CameraId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        CameraIds.Validate(CameraId);
        await credentials.MigrateAsync(stored);
        if (stored.RecordExists && stored.State.Enabled)
        {
            await TryStartAsync();
        }
        else
        {
            counters.SetState(stored.RecordExists ? CameraState.Disabled : CameraState.Stopped);
        }
    }

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var wasReading = running is not null;
        await StopAsync();

        // Orleans also deactivates a camera that is reading: its grain-directory entry lived on a silo that
        // died, or its silo is shutting down. Come back at once (on whichever silo placement picks) instead of
        // leaving the camera dark until the registry's next round. Removal and disabling stop the reader
        // first, so they never get here with wasReading set.
        if (wasReading && stored.RecordExists && stored.State.Enabled)
        {
            LogReactivating(CameraId, reason.ToString());
            var grains = GrainFactory;
            var camera = CameraId;
            _ = Task.Run(() => ReactivateAsync(grains, camera), CancellationToken.None);
        }
    }

    /// <inheritdoc/>
    public async Task RegisterAsync(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        CameraIds.Validate(CameraId);
        var profile = CameraRegistrationRules.Validate(registration, models.Profiles, settings);
        await models.GetContractAsync(profile.Name);
        await StopAsync();
        stored.State = credentials.Seal(registration);
        await stored.WriteStateAsync();
        await GrainFactory.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).AddAsync(CameraId);
        LogRegistered(CameraId, SourceUrl.Redact(registration.Source), profile.Name, registration.Enabled);
        if (registration.Enabled)
        {
            await TryStartAsync();
        }
        else
        {
            counters.SetState(CameraState.Disabled);
        }
    }

    /// <inheritdoc/>
    public async Task RemoveAsync()
    {
        await StopAsync();
        if (stored.RecordExists)
        {
            await stored.ClearStateAsync();
        }

        await GrainFactory.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).RemoveAsync(CameraId);
        counters.SetState(CameraState.Stopped);
        LogRemoved(CameraId);
        DeactivateOnIdle();
    }

    /// <inheritdoc/>
    public async Task<CameraStatus> GetStatusAsync()
    {
        var status = counters.Snapshot(CameraId, stored.RecordExists ? SourceUrl.Redact(stored.State.Source) : "", silo.Name);
        var history = await GrainFactory.GetGrain<IAggregatorGrain>(CameraId).GetStatusAsync();
        return status with { HistoryBuffered = history.BufferedEvents, HistoryBufferLimit = history.BufferLimit, HistoryError = history.LastError };
    }

    /// <inheritdoc/>
    public Task<CameraRegistration?> GetRegistrationAsync() =>
        Task.FromResult(stored.RecordExists ? stored.State : null);

    /// <inheritdoc/>
    public async Task EnsureRunningAsync()
    {
        if (stored.RecordExists && stored.State.Enabled && running is null)
        {
            await TryStartAsync();
        }
    }

    // Off the grain's scheduler: the call is forwarded to a new activation once this one is gone.
    private async Task ReactivateAsync(IGrainFactory grains, string camera)
    {
        try
        {
            await grains.GetGrain<ICameraGrain>(camera).EnsureRunningAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            LogReactivateFailed(camera, CameraCounters.OneLine(e.Message));
        }
    }

    // A start that fails (profile gone from configuration, unreadable model) is shown in the status;
    // the registry's next wake-up tries again.
    private async Task TryStartAsync()
    {
        try
        {
            var current = credentials.Open(stored.State);
            var profile = models.Profiles.Get(current.ModelProfile);
            var contract = await models.GetContractAsync(profile.Name);
            var key = InferenceGrainKey.ForCamera(profile.Name, profile.Accelerators, CameraId, settings.InferenceShards);
            var queue = new DropOldestQueue<CapturedWindow>(settings.QueueCapacity, dropped =>
            {
                counters.Dropped();
                activity.Dropped();
                dropped.ReturnTo(pool);
            });
            var cudaDecoding = settings.CudaDecoding ?? !string.Equals(silo.Accelerator, "cpu", StringComparison.OrdinalIgnoreCase);
            var ingest = new CameraIngest(CameraId, current, profile, contract, queue, pool, counters, settings, cudaDecoding, logger);
            var cancel = new CancellationTokenSource();
            var pipeline = new Pipeline(cancel, queue, Task.Run(() => ingest.RunAsync(cancel.Token)));
            running = pipeline;
            activity.CameraStarted();
            pipeline.Dispatcher = DispatchAsync(pipeline, key, profile.Name);
            pipeline.KeepAlive = this.RegisterGrainTimer(
                CheckReaderAsync,
                new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) { KeepAlive = true, Interleave = true });
        }
        catch (Exception e) when (e is ArgumentException or ModelContractException)
        {
            counters.SetState(CameraState.Failed, e.Message);
            LogStartFailed(CameraId, CameraCounters.OneLine(e.Message));
        }
    }

    private async Task StopAsync()
    {
        if (running is not { } pipeline)
        {
            return;
        }

        running = null;
        pipeline.KeepAlive?.Dispose();
        await pipeline.Cancel.CancelAsync();
        pipeline.Queue.Complete();
        await Quietly(pipeline.Reader);
        await Quietly(pipeline.Dispatcher);
        while (pipeline.Queue.TryRead(out var left))
        {
            left.ReturnTo(pool);
        }

        pipeline.Cancel.Dispose();
        activity.CameraStopped();
    }

    // The reader ends by itself only when a non-looping file ends; a crash is restarted.
    private async Task CheckReaderAsync(CancellationToken cancellationToken)
    {
        if (running is { Reader.IsFaulted: true } pipeline)
        {
            counters.SetState(CameraState.Reconnecting, pipeline.Reader.Exception!.GetBaseException().Message);
            LogReaderCrashed(CameraId, CameraCounters.OneLine(pipeline.Reader.Exception.GetBaseException().Message));
            await StopAsync();
            await TryStartAsync();
        }
    }

    // Up to WindowsInFlight windows are being scored at once, so the model never idles between one
    // camera's windows; results are recorded strictly in sequence order (the oldest is awaited first).
    private async Task DispatchAsync(Pipeline pipeline, InferenceGrainKey key, string profile)
    {
        var inference = GrainFactory.GetGrain<IInferenceGrain>(key.ToString());
        var aggregator = GrainFactory.GetGrain<IAggregatorGrain>(CameraId);
        var token = pipeline.Cancel.Token;
        var inFlight = new Queue<(CapturedWindow Window, WindowPayload Payload, Task<ScoringResult> Score)>();
        long? next = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (inFlight.Count < settings.WindowsInFlight && await NextWindowAsync(pipeline.Queue, inFlight.Count == 0, token) is { } window)
                {
                    try
                    {
                        // Without a suitable silo the call would only fail in placement (and log there): skip it.
                        if (!accelerators.HasSiloFor(key))
                        {
                            throw new NoAcceleratorException();
                        }

                        // The aggregator knows the stored high-water mark, so sequences never repeat across restarts.
                        next ??= await aggregator.GetNextSequenceAsync();
                        var payload = window.ToPayload(CameraId, next.Value);
                        next++;
                        counters.Emitted();
                        inFlight.Enqueue((window, payload, inference.ScoreAsync(new ScoringRequest { Window = payload, ModelProfile = profile })));
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        window.ReturnTo(pool);
                        next = null;
                        counters.Dropped();
                        activity.Dropped();
                        await FailAsync(inFlight, key, profile, e, token);
                    }

                    continue;
                }

                if (inFlight.Count == 0)
                {
                    continue;
                }

                var head = inFlight.Dequeue();
                try
                {
                    var result = await head.Score;
                    await aggregator.RecordAsync(new ScoredWindow { Window = head.Payload.Header, Result = result });
                    counters.Scored();
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    // Whether the aggregator kept the window is unknown: ask it again for the next number.
                    next = null;
                    counters.Dropped();
                    activity.Dropped();

                    // The shard's activation may sit on a silo that just died and is not yet declared dead
                    // (about 15 s): move on to the next shard, which is likely placed on a live silo, rather
                    // than stall this camera until membership catches up.
                    if (settings.InferenceShards > 1 && accelerators.HasSiloFor(key))
                    {
                        key = key with { Shard = (key.Shard + 1) % settings.InferenceShards };
                        inference = GrainFactory.GetGrain<IInferenceGrain>(key.ToString());
                    }

                    await FailAsync(inFlight, key, profile, e, token);
                }
                finally
                {
                    head.Window.ReturnTo(pool);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (window, _, score) in inFlight)
            {
                await Settle(score);
                window.ReturnTo(pool);
            }
        }
    }

    // Waits for the next window when nothing is in flight; otherwise only takes one that is already queued.
    private static async ValueTask<CapturedWindow?> NextWindowAsync(DropOldestQueue<CapturedWindow> queue, bool wait, CancellationToken token)
    {
        if (queue.TryRead(out var ready))
        {
            return ready;
        }

        if (!wait)
        {
            return null;
        }

        try
        {
            return await queue.ReadAsync(token);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            throw new OperationCanceledException(token);
        }
    }

    // A failed window drops every window scored behind it (their sequence numbers are re-asked), reports once, and backs off.
    private async Task FailAsync(Queue<(CapturedWindow Window, WindowPayload Payload, Task<ScoringResult> Score)> inFlight, InferenceGrainKey key, string profile, Exception e, CancellationToken token)
    {
        while (inFlight.TryDequeue(out var abandoned))
        {
            await Settle(abandoned.Score);
            abandoned.Window.ReturnTo(pool);
            counters.Dropped();
            activity.Dropped();
        }

        var noAccelerator = !accelerators.HasSiloFor(key);
        var message = noAccelerator
            ? $"no active silo has an accelerator allowed for profile '{profile}' ({(key.Accelerators.Count == 0 ? "any" : string.Join(", ", key.Accelerators))}); active silos: {string.Join(", ", accelerators.ActiveLabels())}"
            : e.Message;
        counters.DispatchFailed(noAccelerator, message);
        LogDispatchFailed(CameraId, CameraCounters.OneLine(message));
        await Task.Delay(TimeSpan.FromSeconds(settings.RetrySeconds), token);
    }

    // An abandoned scoring call's outcome no longer matters, whatever it is; stay on the grain's scheduler.
    private static async Task Settle(Task task) =>
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

    private static async Task Quietly(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or VideoSourceException or ModelContractException or ArgumentException or InvalidOperationException)
        {
            // The pipeline is being torn down; its failure is already in the status.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: registered {Source} with profile {Profile} (enabled: {Enabled})")]
    private partial void LogRegistered(string camera, string source, string profile, bool enabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: removed")]
    private partial void LogRemoved(string camera);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: cannot start: {Reason}")]
    private partial void LogStartFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: reader crashed, restarting: {Reason}")]
    private partial void LogReaderCrashed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: deactivated while reading ({Reason}); reactivating")]
    private partial void LogReactivating(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: could not reactivate, the registry's next round will: {Reason}")]
    private partial void LogReactivateFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: window not scored: {Reason}")]
    private partial void LogDispatchFailed(string camera, string reason);

    private sealed class NoAcceleratorException : Exception
    {
    }

    private sealed class Pipeline(CancellationTokenSource cancel, DropOldestQueue<CapturedWindow> queue, Task reader)
    {
        public CancellationTokenSource Cancel => cancel;

        public DropOldestQueue<CapturedWindow> Queue => queue;

        public Task Reader => reader;

        public Task? Dispatcher { get; set; }

        public IGrainTimer? KeepAlive { get; set; }
    }
}
