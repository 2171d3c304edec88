using ActionNet.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// Wakes the alert router once the silo has started, so deliveries left pending by a silo that died are sent
/// again even when no camera publishes events (the stream would otherwise be what activates it).
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
            await grains.GetGrain<IAlertRouterGrain>(AlertRouterGrain.Key).WakeAsync();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Never stop the silo over it: the next live event activates the router anyway.
            LogWakeFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert router not woken at start (the next live event wakes it): {Reason}")]
    private partial void LogWakeFailed(string reason);
}
