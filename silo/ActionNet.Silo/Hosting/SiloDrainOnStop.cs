using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Silo.Hosting;

/// <summary>
/// A graceful stop that empties the silo first: when the host begins to stop (SIGTERM, e.g. from Kubernetes after
/// the preStop hook), and before Orleans leaves the cluster, it asks the cluster ledger to drain this silo (the
/// rebalancer then moves its cameras to other silos at its bounded rate) and waits until no camera runs here and
/// each of them has scored on its new silo (<see cref="DrainHandoff"/>), until no other silo serves, or until
/// <see cref="SiloDrainOptions.TimeoutSeconds"/> passed. Cameras that are still here when it gives up resume
/// elsewhere once the silo has gone, as after a crash but without the membership timeout.
/// </summary>
public sealed partial class SiloDrainOnStop(
    IGrainFactory grains,
    ILocalSiloDetails local,
    SiloIdentity identity,
    SiloActivity activity,
    IOptions<SiloDrainOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SiloDrainOnStop> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Drains this silo. Runs before any hosted service's <c>StopAsync</c> (Orleans' silo included), so the silo
    /// still serves while its cameras move.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        if (timeout <= TimeSpan.Zero || !lifetime.ApplicationStarted.IsCancellationRequested || activity.ActiveCameras == 0)
        {
            return;
        }

        var address = local.SiloAddress.ToParsableString();
        var status = grains.GetGrain<IClusterStatusGrain>(0);
        var started = time.GetTimestamp();
        string[] pending = [];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var moving = activity.Cameras().Select(c => c.CameraId).ToArray();
            await status.DrainAsync(address).WaitAsync(deadline.Token);
            LogDraining(address, moving.Length, timeout.TotalSeconds);
            while (activity.ActiveCameras > 0)
            {
                var cluster = await status.GetStatusAsync().WaitAsync(deadline.Token);
                if (!cluster.Silos.Any(s => s.Silo != address && !s.Draining))
                {
                    LogNowhereToGo(address, activity.ActiveCameras);
                    return;
                }

                await Task.Delay(PollInterval, time, deadline.Token);
            }

            // Gone from here is not yet running there: stay until each moved camera has scored on its new silo,
            // so that leaving now costs it nothing (its new silo may still be opening the source).
            while ((pending = await DrainHandoff.PendingAsync(grains, identity.Name, moving).WaitAsync(deadline.Token)).Length > 0)
            {
                await Task.Delay(PollInterval, time, deadline.Token);
            }

            LogDrained(address, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            if (activity.ActiveCameras > 0)
            {
                LogTimedOut(address, activity.ActiveCameras, time.GetElapsedTime(started).TotalSeconds);
            }
            else
            {
                LogNotScoredYet(address, string.Join(", ", pending), time.GetElapsedTime(started).TotalSeconds);
            }
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or ArgumentException)
        {
            LogFailed(address, e.Message);
        }
    }

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping: draining silo {Silo}, {Cameras} camera(s) to move, waiting up to {Seconds} s")]
    private partial void LogDraining(string silo, int cameras, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping: silo {Silo} drained in {Seconds:F1} s, no camera runs here and each has scored elsewhere; leaving the cluster")]
    private partial void LogDrained(string silo, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopping: no other silo serves, so the {Cameras} camera(s) on {Silo} cannot move now; leaving the cluster")]
    private partial void LogNowhereToGo(string silo, int cameras);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopping: silo {Silo} still runs {Cameras} camera(s) after {Seconds:F1} s (ActionNet:Drain:TimeoutSeconds); leaving the cluster, they resume elsewhere")]
    private partial void LogTimedOut(string silo, int cameras, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopping: the cameras of silo {Silo} moved, but {Cameras} had not scored on their new silo after {Seconds:F1} s (ActionNet:Drain:TimeoutSeconds); leaving the cluster")]
    private partial void LogNotScoredYet(string silo, string cameras, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopping: could not drain silo {Silo}, leaving the cluster: {Reason}")]
    private partial void LogFailed(string silo, string reason);
}
