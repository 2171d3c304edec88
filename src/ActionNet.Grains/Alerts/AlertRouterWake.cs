using ActionNet.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// Wakes every partition's alert router once the silo has started, so deliveries left pending by a silo that died
/// are sent again even when no camera of the partition publishes events (the stream would otherwise be what
/// activates it).
/// </summary>
public sealed partial class AlertRouterWake(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<AlertRouterWake> logger) : BackgroundService
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
            await Task.WhenAll(AlertRouterGrain.Keys.Select(key => grains.GetGrain<IAlertRouterGrain>(key).WakeAsync()));
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Never stop the silo over it: the next live event activates the router anyway.
            LogWakeFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert routers not woken at start (the next live event of each partition wakes its router): {Reason}")]
    private partial void LogWakeFailed(string reason);
}
