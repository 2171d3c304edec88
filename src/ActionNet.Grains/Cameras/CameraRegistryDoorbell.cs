using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Rings the camera registry, the one owner of "keep registered cameras running": once when this silo has
/// joined (after a whole-cluster restart nobody has to re-register anything) and each time membership
/// changes (a silo joined, left or died). It holds no logic of its own: the registry decides what to wake
/// and what to move. Ringing from every silo also brings the registry itself back at once when it lived on
/// a silo that died (its reminder alone would take up to a minute). Retries for a minute while storage or
/// membership settle.
/// </summary>
public sealed partial class CameraRegistryDoorbell(
    IGrainFactory grains,
    IClusterMembershipService membership,
    IHostApplicationLifetime lifetime,
    ILogger<CameraRegistryDoorbell> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitForStartedAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await WakeRegistryAsync(stoppingToken);
            var previous = membership.CurrentSnapshot;
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var changes = snapshot.CreateUpdate(previous).Changes.Where(m => m.Status is SiloStatus.Dead or SiloStatus.Active).ToList();
                previous = snapshot;
                if (changes.Count > 0 && !stoppingToken.IsCancellationRequested)
                {
                    LogMembershipChanged(string.Join(", ", changes.Select(m => $"{m.SiloAddress} {m.Status}")));
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
                await grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ReconcileAsync();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // Giving up must not stop the silo (an exception here would end the host): the registry's
                // reminder still resumes the cameras, only later. Addressing a grain while the grain directory
                // recovers a dead silo's range can throw OperationCanceledException as well as Orleans' own.
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

    [LoggerMessage(Level = LogLevel.Information, Message = "membership changed ({Changes}): ringing the camera registry")]
    private partial void LogMembershipChanged(string changes);
}
