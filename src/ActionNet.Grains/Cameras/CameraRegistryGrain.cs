using ActionNet.Abstractions.Cameras;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// The cluster's list of registered cameras (key: <see cref="ICameraRegistryGrain.Key"/>), stored in
/// the <see cref="CameraGrain.StorageName"/> grain storage. While active, a timer wakes every camera
/// every <see cref="WakeInterval"/>, so cameras of a dead silo resume on a surviving one; a reminder
/// (Azure Table reminders) re-activates the registry itself if its own silo died, and every silo pokes
/// it at start-up.
/// </summary>
public sealed partial class CameraRegistryGrain(
    [PersistentState("registry", CameraGrain.StorageName)] IPersistentState<CameraRegistryState> state,
    ILogger<CameraRegistryGrain> logger) : Grain, ICameraRegistryGrain, IRemindable
{
    /// <summary>How often registered cameras are woken while the registry is active.</summary>
    public static readonly TimeSpan WakeInterval = TimeSpan.FromSeconds(15);

    private const string ReminderName = "wake-cameras";

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(
            WakeAllAsync,
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), WakeInterval) { KeepAlive = true, Interleave = true });
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
    public Task WakeAllAsync()
    {
        // Not awaited: a camera on a silo that just died answers only after the call times out, and
        // that must not hold the registry (or the other cameras) up.
        foreach (var camera in state.State.Cameras)
        {
            _ = WakeAsync(camera);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAllAsync();

    private async Task WakeAsync(string camera)
    {
        try
        {
            await GrainFactory.GetGrain<ICameraGrain>(camera).EnsureRunningAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            LogWakeFailed(camera, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: wake-up failed, retrying on the next round: {Reason}")]
    private partial void LogWakeFailed(string camera, string reason);
}
