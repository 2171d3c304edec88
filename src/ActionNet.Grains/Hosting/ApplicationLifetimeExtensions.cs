using Microsoft.Extensions.Hosting;

namespace ActionNet.Grains.Hosting;

/// <summary>Waiting for the silo to have started, for background services that call grains.</summary>
public static class ApplicationLifetimeExtensions
{
    /// <summary>
    /// Completes with true once the host has started (the silo has joined the cluster), or with false when
    /// <paramref name="stoppingToken"/> fires first.
    /// </summary>
    public static async Task<bool> WaitForStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
