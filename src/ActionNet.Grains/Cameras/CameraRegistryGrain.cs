using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// The one owner of "keep registered cameras running" (key: <see cref="ICameraRegistryGrain.Key"/>): the
/// list of registered cameras, stored in the <see cref="CameraGrain.StorageName"/> grain storage, and a
/// round every <see cref="BalanceOptions.IntervalSeconds"/> that wakes the cameras (each resumes on a silo
/// placement picks) and moves a bounded number of them (<see cref="CapacityPlanner.Rebalance"/>): off drained
/// or no longer allowed silos, and from silos above their capacity-weighted share to silos below. A
/// reminder brings the registry back if its silo died; every silo also rings it at start and on
/// membership changes (<see cref="CameraRegistryDoorbell"/>).
/// </summary>
public sealed partial class CameraRegistryGrain(
    [PersistentState("registry", CameraGrain.StorageName)] IPersistentState<CameraRegistryState> state,
    ModelCatalog catalog,
    AcceleratorDirectory accelerators,
    IOptions<BalanceOptions> options,
    TimeProvider time,
    ILogger<CameraRegistryGrain> logger) : Grain, ICameraRegistryGrain, IRemindable
{
    private const string ReminderName = "wake-cameras";

    // A report describes its silo as of up to one report interval ago: no balancing before every silo has reported.
    private static readonly TimeSpan FirstBalanceAfter = TimeSpan.FromSeconds(10);

    private readonly BalanceOptions settings = options.Value;
    private readonly Dictionary<string, (string To, DateTimeOffset At)> settling = new(StringComparer.Ordinal);
    private DateTimeOffset activatedAt;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activatedAt = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(settings.IntervalSeconds);
        this.RegisterGrainTimer(
            _ => ReconcileAsync(),
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), interval) { KeepAlive = true, Interleave = false });
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <inheritdoc/>
    public async Task AddAsync(string cameraId)
    {
        CameraIds.Validate(cameraId);
        var index = state.State.Cameras.BinarySearch(cameraId, StringComparer.Ordinal);
        if (index < 0)
        {
            state.State.Cameras.Insert(~index, cameraId);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(string cameraId)
    {
        var index = state.State.Cameras.BinarySearch(cameraId, StringComparer.Ordinal);
        if (index >= 0)
        {
            state.State.Cameras.RemoveAt(index);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc/>
    public Task<string[]> ListAsync() => Task.FromResult(state.State.Cameras.ToArray());

    /// <inheritdoc/>
    public async Task ReconcileAsync()
    {
        // Not awaited: a camera on a silo that just died answers only after the call times out, and that must
        // not hold the registry (or the other cameras) up.
        foreach (var camera in state.State.Cameras)
        {
            _ = WakeAsync(camera);
        }

        if (settings.MovesPerRound > 0 && time.GetUtcNow() - activatedAt >= FirstBalanceAfter)
        {
            await BalanceAsync();
        }
    }

    /// <inheritdoc/>
    public Task ReceiveReminder(string reminderName, TickStatus status) => ReconcileAsync();

    private async Task BalanceAsync()
    {
        ClusterStatus status;
        try
        {
            status = await GrainFactory.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogBalanceSkipped(e.Message);
            return;
        }

        var now = time.GetUtcNow();
        var active = accelerators.ActiveSilos().Select(s => s.ToParsableString()).ToHashSet(StringComparer.Ordinal);
        var reports = Settled(status.Silos.Where(s => active.Contains(s.Silo)).ToArray(), now);
        var registered = state.State.Cameras.ToHashSet(StringComparer.Ordinal);
        IReadOnlySet<string> Eligible(string profile)
        {
            var allowed = catalog.Profiles.Profiles.TryGetValue(profile, out var p) ? p.Accelerators : [];
            return reports.Where(r => !r.Draining && AcceleratorRules.Allows(r.Accelerator, allowed)).Select(r => r.Silo).ToHashSet(StringComparer.Ordinal);
        }

        var moves = CapacityPlanner.Rebalance(reports, Eligible, settling.Keys.ToHashSet(StringComparer.Ordinal), settings.MovesPerRound);
        foreach (var move in moves.Where(m => registered.Contains(m.CameraId)))
        {
            settling[move.CameraId] = (move.To, now);
            LogMove(move.CameraId, move.From, move.To, move.Reason);
            _ = MoveAsync(move);
        }
    }

    // Reports lag moves by up to an interval: count a camera that is moving at its destination, not its origin.
    private SiloReport[] Settled(SiloReport[] reports, DateTimeOffset now)
    {
        foreach (var (camera, (to, at)) in settling.ToArray())
        {
            var arrived = reports.Any(r => r.Silo == to && r.ReportedAt > at && r.Cameras.Any(c => c.CameraId == camera));
            if (arrived || now - at > TimeSpan.FromSeconds(settings.SettleSeconds))
            {
                settling.Remove(camera);
            }
        }

        return [.. reports.Select(r =>
        {
            var moving = r.Cameras.Where(c => settling.ContainsKey(c.CameraId) && settling[c.CameraId].To != r.Silo).ToArray();
            var arriving = settling.Where(s => s.Value.To == r.Silo && !r.Cameras.Any(c => c.CameraId == s.Key))
                .Select(s => reports.SelectMany(x => x.Cameras).FirstOrDefault(c => c.CameraId == s.Key))
                .OfType<CameraLoad>()
                .ToArray();
            return moving.Length == 0 && arriving.Length == 0 ? r : r with { Cameras = [.. r.Cameras.Except(moving), .. arriving] };
        })];
    }

    private async Task MoveAsync(CameraMove move)
    {
        try
        {
            await GrainFactory.GetGrain<ICameraGrain>(move.CameraId).MoveAsync(move.To);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException or ArgumentException or InvalidOperationException)
        {
            LogMoveFailed(move.CameraId, e.Message);
        }
    }

    private async Task WakeAsync(string camera)
    {
        try
        {
            await GrainFactory.GetGrain<ICameraGrain>(camera).EnsureRunningAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException or ArgumentException or InvalidOperationException)
        {
            LogWakeFailed(camera, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: wake-up failed, retrying on the next round: {Reason}")]
    private partial void LogWakeFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: moving from {From} to {To} ({Reason})")]
    private partial void LogMove(string camera, string from, string to, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: move failed, the next round decides again: {Reason}")]
    private partial void LogMoveFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rebalancing skipped this round, cluster status not reachable: {Reason}")]
    private partial void LogBalanceSkipped(string reason);
}
