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
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => StopAsync();

    /// <inheritdoc/>
    public async Task RegisterAsync(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        CameraIds.Validate(CameraId);
        var profile = CameraRegistrationRules.Validate(registration, models.Profiles);
        await models.GetContractAsync(profile.Name);
        await StopAsync();
        stored.State = registration;
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
    public Task<CameraStatus> GetStatusAsync() =>
        Task.FromResult(counters.Snapshot(CameraId, stored.RecordExists ? SourceUrl.Redact(stored.State.Source) : "", silo.Name));

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

    // A start that fails (profile gone from configuration, unreadable model) is shown in the status;
    // the registry's next wake-up tries again.
    private async Task TryStartAsync()
    {
        var current = stored.State;
        try
        {
            var profile = models.Profiles.Get(current.ModelProfile);
            var contract = await models.GetContractAsync(profile.Name);
            var key = InferenceGrainKey.ForCamera(profile.Name, profile.Accelerators, CameraId, settings.InferenceShards);
            var queue = new DropOldestQueue<CapturedWindow>(settings.QueueCapacity, dropped =>
            {
                counters.Dropped();
                activity.Dropped();
                dropped.ReturnTo(pool);
            });
            var ingest = new CameraIngest(CameraId, current, profile, contract, queue, pool, counters, settings, logger);
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

    private async Task DispatchAsync(Pipeline pipeline, InferenceGrainKey key, string profile)
    {
        var inference = GrainFactory.GetGrain<IInferenceGrain>(key.ToString());
        var aggregator = GrainFactory.GetGrain<IAggregatorGrain>(CameraId);
        var token = pipeline.Cancel.Token;
        long? next = null;
        while (!token.IsCancellationRequested)
        {
            CapturedWindow window;
            try
            {
                window = await pipeline.Queue.ReadAsync(token);
            }
            catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                return;
            }

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
                counters.Emitted();
                var result = await inference.ScoreAsync(new ScoringRequest { Window = payload, ModelProfile = profile });
                await aggregator.RecordAsync(new ScoredWindow { Window = payload.ToHeader(), Result = result });
                next++;
                counters.Scored();
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                // Whether the aggregator kept the window is unknown: ask it again for the next number.
                next = null;
                counters.Dropped();
                activity.Dropped();
                var noAccelerator = !accelerators.HasSiloFor(key);
                var message = noAccelerator
                    ? $"no active silo has an accelerator allowed for profile '{profile}' ({(key.Accelerators.Count == 0 ? "any" : string.Join(", ", key.Accelerators))}); active silos: {string.Join(", ", accelerators.ActiveLabels())}"
                    : e.Message;
                counters.DispatchFailed(noAccelerator, message);
                LogDispatchFailed(CameraId, CameraCounters.OneLine(message));
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(settings.RetrySeconds), token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                window.ReturnTo(pool);
            }
        }
    }

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
