using System.Diagnostics;
using ActionNet.Abstractions.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// Sends this silo's <see cref="SiloReport"/> (cameras reading here, windows scored per second here,
/// windows dropped here) to <see cref="IClusterStatusGrain"/> every <see cref="Interval"/>.
/// </summary>
public sealed partial class SiloReporter(
    IGrainFactory grains,
    ILocalSiloDetails local,
    SiloIdentity identity,
    SiloActivity activity,
    IHostApplicationLifetime lifetime,
    ILogger<SiloReporter> logger) : BackgroundService
{
    /// <summary>Time between reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var status = grains.GetGrain<IClusterStatusGrain>(0);
        var lastScored = activity.WindowsScored;
        var lastAt = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(Interval);
        var failing = false;
        do
        {
            var scored = activity.WindowsScored;
            var seconds = Stopwatch.GetElapsedTime(lastAt).TotalSeconds;
            lastAt = Stopwatch.GetTimestamp();
            var report = new SiloReport
            {
                Silo = local.SiloAddress.ToString(),
                Host = identity.Name,
                Accelerator = identity.Accelerator,
                ActiveCameras = activity.ActiveCameras,
                WindowsPerSecond = seconds > 0 ? Math.Round((scored - lastScored) / seconds, 2) : 0,
                WindowsDropped = activity.WindowsDropped,
                ReportedAt = DateTimeOffset.UtcNow,
            };
            lastScored = scored;
            try
            {
                await status.ReportAsync(report);
                failing = false;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                if (!failing)
                {
                    LogReportFailed(e.Message);
                }

                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "silo report not delivered, retrying every interval: {Reason}")]
    private partial void LogReportFailed(string reason);
}
