using ActionNet.Abstractions;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Egress;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Persons;
using ActionNet.Grains.Placement;
using ActionNet.Inference.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// One camera's lifecycle (key: camera id): its registration, stored in the <see cref="StorageName"/> grain
/// storage with its resolved <see cref="CameraPlan"/>, and the <see cref="CameraPipeline"/> that reads, cuts
/// and scores it on this silo. <see cref="CameraPlacementAttribute"/> puts the grain on a silo whose
/// accelerator the profile allows, with the most spare capacity; <see cref="CameraRegistryGrain"/> wakes it
/// after failures and moves it to rebalance (<see cref="MoveAsync"/>). A camera that lands on a silo that may
/// not score it waits there, and moves as soon as one that may is active.
/// </summary>
[CameraPlacement]
public sealed partial class CameraGrain(
    [PersistentState(CameraGrain.RegistrationState, CameraGrain.StorageName)] IPersistentState<CameraRegistration> stored,
    ModelCatalog catalog,
    ModelHost models,
    PersonDetectorHost detectors,
    AcceleratorDirectory accelerators,
    SiloActivity activity,
    SiloIdentity silo,
    ILocalSiloDetails local,
    CameraCredentials credentials,
    EgressPolicy egress,
    IOptions<IngestOptions> options,
    ILogger<CameraGrain> logger) : Grain, ICameraGrain
{
    /// <summary>The grain storage provider that holds camera registrations, the registry and the cluster's drained silos.</summary>
    public const string StorageName = "cameras";

    /// <summary>The state name of a camera's registration in <see cref="StorageName"/>.</summary>
    public const string RegistrationState = "camera";

    private readonly IngestOptions settings = options.Value;
    private readonly CameraCounters counters = new();
    private CameraPipeline? running;

    private string CameraId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        CameraIds.Validate(CameraId);
        await credentials.MigrateAsync(stored);
        if (stored.RecordExists && stored.State.Enabled)
        {
            await StartAsync(consultLedger: false);
        }
        else
        {
            counters.SetState(stored.RecordExists ? CameraState.Disabled : CameraState.Stopped);
        }
    }

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await StopAsync();

    /// <inheritdoc/>
    public async Task RegisterAsync(CameraRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        CameraIds.Validate(CameraId);
        var (profile, detector) = CameraRegistrationRules.Validate(registration, catalog.Profiles, catalog.Detectors, settings);
        if (registration.Enabled && await egress.UrlProblemAsync("source", registration.Source) is { } denied)
        {
            throw new ArgumentException(denied);
        }

        var contract = await catalog.GetContractAsync(profile.Name);
        if (detector is not null)
        {
            PersonDetectorHost.Check(detector);
        }

        await StopAsync();
        stored.State = credentials.Seal(registration) with { Plan = CameraPlans.Resolve(registration, profile, contract, detector) };
        await stored.WriteStateAsync();
        await GrainFactory.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).AddAsync(CameraId);
        LogRegistered(CameraId, SourceUrl.Redact(registration.Source), profile.Name, registration.Enabled);
        if (registration.Enabled)
        {
            await StartAsync(consultLedger: true);
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
    public async Task<bool> SetEnabledAsync(bool enabled)
    {
        if (!stored.RecordExists)
        {
            return false;
        }

        if (stored.State.Enabled != enabled)
        {
            await StopAsync();
            stored.State = stored.State with { Enabled = enabled };
            await stored.WriteStateAsync();
            LogEnabled(CameraId, enabled);
        }

        if (!enabled)
        {
            counters.SetState(CameraState.Disabled);
        }
        else if (running is null)
        {
            await StartAsync(consultLedger: true);
        }

        return true;
    }

    /// <inheritdoc/>
    public Task<CameraSnapshot?> GetSnapshotAsync() => Task.FromResult(running?.Snapshot.Latest);

    /// <inheritdoc/>
    public async Task<CameraStatus> GetStatusAsync()
    {
        var status = counters.Snapshot(CameraId, stored.RecordExists ? SourceUrl.Redact(stored.State.Source) : "", silo.Name);
        var history = await GrainFactory.GetGrain<IAggregatorGrain>(CameraId).GetStatusAsync();
        return status with
        {
            Plan = stored.RecordExists ? stored.State.Plan : null,
            HistoryBuffered = history.BufferedEvents,
            HistoryBufferLimit = history.BufferLimit,
            HistoryError = history.LastError,
        };
    }

    /// <inheritdoc/>
    public Task<CameraRegistration?> GetRegistrationAsync() =>
        Task.FromResult(stored.RecordExists ? stored.State : null);

    /// <inheritdoc/>
    public async Task EnsureRunningAsync()
    {
        if (stored.RecordExists && stored.State.Enabled && running is null)
        {
            await StartAsync(consultLedger: false);
        }
    }

    /// <inheritdoc/>
    public async Task<bool> MoveAsync(string? silo)
    {
        if (running is null || silo == Here)
        {
            return false;
        }

        await StopAsync();
        MigrateTo(silo);
        return true;
    }

    private string Here => local.SiloAddress.ToParsableString();

    private void MigrateTo(string? silo)
    {
        RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        if (silo is not null)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(silo));
        }

        counters.SetState(CameraState.Connecting, silo is null ? "moving to another silo" : $"moving to silo {silo}");
        this.MigrateOnIdle();
    }

    // A start that fails (profile gone from configuration, unreadable model) is shown in the status; the
    // registry tries again (CameraWakeList.RetryAfter).
    private async Task StartAsync(bool consultLedger)
    {
        var registration = stored.State;
        try
        {
            var profile = catalog.Profiles.Get(registration.ModelProfile);
            if (!AcceleratorRules.Allows(silo.Accelerator, profile.Accelerators))
            {
                WaitOrMove(profile);
                return;
            }

            if (consultLedger && await BetterSiloAsync(profile) is { } better)
            {
                MigrateTo(better);
                return;
            }

            // Checked at every start too: a registration stored before the policy, or a name that now resolves elsewhere.
            if (await egress.UrlProblemAsync("source", registration.Source) is { } denied)
            {
                throw new ArgumentException(denied);
            }

            var contract = await catalog.GetContractAsync(profile.Name);
            if (registration.Plan is null)
            {
                var detector = registration.Persons ? catalog.Detectors.Get(registration.Detector) : null;
                stored.State = registration = registration with { Plan = CameraPlans.Resolve(registration, profile, contract, detector) };
                await stored.WriteStateAsync();
            }

            var scorer = await models.GetScorerAsync(profile.Name);
            Func<Vision.Detection.IPersonDetector>? createDetector = null;
            if (registration.Plan!.Persons is not null)
            {
                var detector = catalog.Detectors.Get(registration.Detector);
                PersonDetectorHost.Check(detector);
                createDetector = () => detectors.Create(detector);
            }

            var aggregator = GrainFactory.GetGrain<IAggregatorGrain>(CameraId);
            var hooks = new CameraPipelineHooks(aggregator.GetNextSequenceAsync, aggregator.RecordAsync);
            var cudaDecoding = settings.CudaDecoding ?? !string.Equals(silo.Accelerator, AcceleratorMetadata.Cpu, StringComparison.OrdinalIgnoreCase);
            running = new CameraPipeline(CameraId, credentials.Open(registration), registration.Plan!, contract, scorer, hooks, counters, activity, settings, silo, cudaDecoding, createDetector, logger);

            // Connecting from here, not from when the reader's thread gets going: a status read in between must
            // not show a camera that is starting as stopped (a drain would take that as settled).
            counters.SetState(CameraState.Connecting);
            running.Start();

            // The pipeline runs on its own threads, not through grain calls: keep the activation while it reads.
            DelayDeactivation(Timeout.InfiniteTimeSpan);
        }
        catch (Exception e) when (e is ArgumentException or ModelContractException)
        {
            counters.SetState(CameraState.Failed, e.Message);
            LogStartFailed(CameraId, ErrorText.OneLine(e.Message));
        }
    }

    // This silo may not score the profile: move to one that may, or wait here until one is active.
    private void WaitOrMove(ModelProfile profile)
    {
        if (accelerators.HasSiloFor(profile.Accelerators))
        {
            MigrateTo(null);
            return;
        }

        var message = $"no active silo has an accelerator allowed for profile '{profile.Name}' ({AcceleratorRules.Describe(profile.Accelerators)}); active silos: {string.Join(", ", accelerators.ActiveLabels())}";
        counters.WaitForAccelerator(message);
        LogWaiting(CameraId, message);
    }

    // At registration the grain runs wherever the call landed: ask the ledger whether another allowed silo has more room.
    private async Task<string?> BetterSiloAsync(ModelProfile profile)
    {
        var candidates = accelerators.SilosFor(profile.Accelerators).Select(s => s.ToParsableString()).ToArray();
        try
        {
            var chosen = await GrainFactory.GetGrain<IClusterStatusGrain>(0).PlaceCameraAsync(CameraId, profile.Name, candidates);
            return chosen is not null && chosen != Here ? chosen : null;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    private async Task StopAsync()
    {
        if (running is not { } pipeline)
        {
            return;
        }

        running = null;
        await pipeline.DisposeAsync();
        DelayDeactivation(TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: registered {Source} with profile {Profile} (enabled: {Enabled})")]
    private partial void LogRegistered(string camera, string source, string profile, bool enabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: removed")]
    private partial void LogRemoved(string camera);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: cannot start: {Reason}")]
    private partial void LogStartFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: waiting for an accelerator: {Reason}")]
    private partial void LogWaiting(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: enabled set to {Enabled}")]
    private partial void LogEnabled(string camera, bool enabled);
}
