using System.Diagnostics;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Hosting;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Placement;
using ActionNet.Grains.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// Sends this silo's <see cref="SiloReport"/> to <see cref="IClusterStatusGrain"/> every <see cref="Interval"/>:
/// per profile the silo may run, its capacity, demand and utilisation; the cameras reading here with their
/// demand; windows scored per second and dropped by reason; and the bytes the silo sent per window scored.
/// Placement and the rebalancer decide from these reports. It also reports at once when a silo joins or dies:
/// the ledger may have died with that silo, and its new activation places the dead silo's cameras only once it
/// knows the survivors' loads. A report that failed (the ledger's silo not yet declared dead) is retried after
/// <see cref="RetryAfter"/>. After each report it reads the ledger back, and hands the report's profile figures
/// and the ledger's pools to <see cref="ActionNetMetrics"/>.
/// </summary>
public sealed partial class SiloReporter(
    IGrainFactory grains,
    ILocalSiloDetails local,
    SiloIdentity identity,
    SiloActivity activity,
    ModelCatalog catalog,
    ModelHost models,
    MessagingMeter messaging,
    ActionNetMetrics metrics,
    IClusterMembershipService membership,
    IHostApplicationLifetime lifetime,
    ILogger<SiloReporter> logger) : BackgroundService
{
    /// <summary>Time between reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Time before a report that was not delivered is sent again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>The shortest span rates are measured over; a report sooner than this carries the last measured rates.</summary>
    public static readonly TimeSpan MinimumWindow = Interval / 2;

    // Never disposed: it has no wait handle, and the loop may still wait on it when the host gives up stopping.
    private readonly SemaphoreSlim wake = new(0, 1);

    // The counters as of the last delivered report, and as of the report being sent: rates always span the time
    // since the last report the ledger has, so a report retried after a second still carries the interval's rates.
    private readonly Dictionary<string, long> lastSubmitted = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> sendingSubmitted = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, long> lastCut = new(StringComparer.Ordinal);
    private Dictionary<string, long> sendingCut = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitForStartedAsync(stoppingToken))
        {
            return;
        }

        var status = grains.GetGrain<IClusterStatusGrain>(0);
        var lastScored = activity.WindowsScored;
        var lastBytes = messaging.SentBytes;
        var lastAt = Stopwatch.GetTimestamp();
        SiloReport? delivered = null;
        var watching = WatchMembershipAsync(stoppingToken);
        var failing = false;
        do
        {
            var scored = activity.WindowsScored;
            var bytes = messaging.SentBytes;
            var at = Stopwatch.GetTimestamp();
            var seconds = Stopwatch.GetElapsedTime(lastAt, at).TotalSeconds;

            // A report soon after the last one (membership changed) only refreshes which cameras run here: rates
            // measured over a few milliseconds would be noise that placement and the autoscaler act on.
            var measured = delivered is null || seconds >= MinimumWindow.TotalSeconds;
            var report = measured ? Measure(seconds, scored - lastScored, bytes - lastBytes) : Refresh(delivered!);
            try
            {
                await status.ReportAsync(report);
                if (measured)
                {
                    (lastAt, lastScored, lastBytes, delivered) = (at, scored, bytes, report);
                    (lastCut, sendingCut) = (sendingCut, lastCut); // the next report clears what it fills
                    foreach (var (profile, submitted) in sendingSubmitted)
                    {
                        lastSubmitted[profile] = submitted;
                    }
                }

                // The ledger right after this report: the meter's cluster gauges show what `cluster status` shows.
                metrics.ClusterRead((await status.GetStatusAsync()).Pools);
                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // Never stop the silo over a report: an exception here would end the host. Besides Orleans' own
                // exceptions, addressing the ledger while the grain directory recovers a dead silo's range can
                // throw OperationCanceledException.
                if (!failing)
                {
                    LogReportFailed(e.Message);
                }

                failing = true;
            }
        }
        while (await NextReportAsync(failing ? RetryAfter : Interval, stoppingToken));
        await watching;
    }

    private SiloReport Measure(double seconds, long scored, long bytes)
    {
        var cameras = Cameras(seconds);
        return new SiloReport
        {
            Silo = local.SiloAddress.ToParsableString(),
            Host = identity.Name,
            Accelerator = identity.Accelerator,
            ActiveCameras = cameras.Length,
            WindowsPerSecond = seconds > 0 ? Math.Round(scored / seconds, 2) : 0,
            WindowsDropped = activity.Drops.Total,
            Drops = activity.Drops,
            Profiles = Profiles(seconds),
            Cameras = cameras,
            SentBytesPerWindow = scored > 0 ? Math.Round((double)bytes / scored, 1) : 0,
            ReportedAt = DateTimeOffset.UtcNow,
        };
    }

    // The last measured rates, with the cameras that run here now (one that started since counts at its profile's mean).
    private SiloReport Refresh(SiloReport last)
    {
        var demands = last.Cameras.ToDictionary(c => c.CameraId, c => c.Demand, StringComparer.Ordinal);
        CameraLoad[] cameras = [.. activity.Cameras().Select(c => new CameraLoad { CameraId = c.CameraId, Profile = c.Profile, Demand = demands.GetValueOrDefault(c.CameraId) })];
        return last with
        {
            ActiveCameras = cameras.Length,
            Cameras = cameras,
            WindowsDropped = activity.Drops.Total,
            Drops = activity.Drops,
            ReportedAt = DateTimeOffset.UtcNow,
        };
    }

    // True when the next report is due: after the interval, or at once when membership changed.
    private async Task<bool> NextReportAsync(TimeSpan after, CancellationToken stoppingToken)
    {
        try
        {
            await wake.WaitAsync(after, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Wakes the report loop when another silo joins or dies; never ends before the silo stops.
    private async Task WatchMembershipAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var previous = membership.CurrentSnapshot;
                await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
                {
                    var changed = snapshot.CreateUpdate(previous).Changes.Any(m => m.Status is SiloStatus.Dead or SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress));
                    previous = snapshot;
                    if (changed && wake.CurrentCount == 0)
                    {
                        try
                        {
                            wake.Release();
                        }
                        catch (SemaphoreFullException)
                        {
                            // Already due.
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogWatchFailed(e.Message);
                await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private CameraLoad[] Cameras(double seconds)
    {
        var running = activity.Cameras();
        var loads = new CameraLoad[running.Count];
        sendingCut.Clear();
        for (var i = 0; i < running.Count; i++)
        {
            var (camera, profile, cut) = running[i];
            var before = lastCut.GetValueOrDefault(camera, cut);
            loads[i] = new CameraLoad { CameraId = camera, Profile = profile, Demand = seconds > 0 ? Math.Round((cut - before) / seconds, 3) : 0 };
            sendingCut[camera] = cut;
        }

        return loads;
    }

    // Every profile this silo may run: loaded ones with measured figures, the others with their start value.
    private ProfileLoad[] Profiles(double seconds)
    {
        var loaded = models.LoadedScorers().ToDictionary(s => s.Profile.Name, StringComparer.OrdinalIgnoreCase);
        var loads = new List<ProfileLoad>();
        sendingSubmitted.Clear();
        foreach (var profile in catalog.Profiles.Profiles.Values.Where(p => AcceleratorRules.Allows(identity.Accelerator, p.Accelerators)))
        {
            if (!loaded.TryGetValue(profile.Name, out var scorer))
            {
                loads.Add(new ProfileLoad { Profile = profile.Name, Capacity = profile.Capacity });
                continue;
            }

            var submitted = scorer.Submitted;
            var before = lastSubmitted.GetValueOrDefault(profile.Name, submitted);
            sendingSubmitted[profile.Name] = submitted;
            var (capacity, measured) = scorer.Capacity;
            var load = new ProfileLoad
            {
                Profile = profile.Name,
                Capacity = Math.Round(capacity, 2),
                Measured = measured,
                Demand = seconds > 0 ? Math.Round((submitted - before) / seconds, 2) : 0,
                Utilisation = Math.Round(scorer.TakeUtilisation(), 3),
                Provider = scorer.Provider,
            };
            metrics.ProfileReported(load, scorer.Queued);
            loads.Add(load);
        }

        return [.. loads.OrderBy(l => l.Profile, StringComparer.OrdinalIgnoreCase)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "membership updates failed, reports wait for the interval until they resume: {Reason}")]
    private partial void LogWatchFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "silo report not delivered, retrying every interval: {Reason}")]
    private partial void LogReportFailed(string reason);
}
