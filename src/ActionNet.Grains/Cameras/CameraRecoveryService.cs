using ActionNet.Abstractions.Cameras;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Once the silo has joined the cluster, wakes the camera registry, which resumes every registered
/// camera: after a whole-cluster restart nobody has to re-register anything. Retries for a minute
/// while storage or membership settle. Afterwards it wakes the registry again each time membership
/// declares a silo dead: the dead silo's cameras resume at once, and so does the registry itself when it
/// lived there (its reminder alone would take up to a minute).
/// </summary>
public sealed partial class CameraRecoveryService(
    IGrainFactory grains,
    IClusterMembershipService membership,
    IHostApplicationLifetime lifetime,
    ILogger<CameraRecoveryService> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            await WakeRegistryAsync(stoppingToken);
            var previous = membership.CurrentSnapshot;
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var dead = snapshot.CreateUpdate(previous).Changes.Where(m => m.Status == SiloStatus.Dead).ToList();
                previous = snapshot;
                if (dead.Count > 0)
                {
                    LogSiloDead(string.Join(", ", dead.Select(m => m.SiloAddress)));
                    await WakeRegistryAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WakeRegistryAsync(CancellationToken stoppingToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).WakeAllAsync();
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // Giving up must not stop the silo (an exception here would end the host): the registry's
                // reminder still resumes the cameras, only later.
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    LogGaveUp(e.Message);
                    return;
                }

                LogRetry(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera registry not reachable yet, retrying: {Reason}")]
    private partial void LogRetry(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "camera registry unreachable for a minute; its reminder will resume the cameras: {Reason}")]
    private partial void LogGaveUp(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "silo {Silos} declared dead: waking the camera registry so its cameras resume")]
    private partial void LogSiloDead(string silos);
}
