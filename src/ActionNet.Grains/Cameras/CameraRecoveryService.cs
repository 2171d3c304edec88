using ActionNet.Abstractions.Cameras;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Once the silo has joined the cluster, wakes the camera registry, which resumes every registered
/// camera: after a whole-cluster restart nobody has to re-register anything. Retries for a minute
/// while storage or membership settle.
/// </summary>
public sealed partial class CameraRecoveryService(
    IGrainFactory grains,
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

        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).WakeAllAsync();
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && DateTimeOffset.UtcNow < deadline)
            {
                LogRetry(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera registry not reachable yet, retrying: {Reason}")]
    private partial void LogRetry(string reason);
}
