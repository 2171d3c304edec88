using ActionNet.Abstractions;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Placement;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// Keeps each silo's latest <see cref="SiloReport"/> (key: 0) and answers with the fresh ones; a silo silent for
/// more than <see cref="SilentAfter"/> is left out as gone. Also the placement ledger: it picks the silo with
/// the most spare capacity for a camera and reserves the camera's demand there until that silo's report
/// shows it, so cameras placed in a burst (a silo died) spread instead of piling onto one silo. The drained
/// silos are persisted until Orleans membership says they left (a stopped pod's address never returns: a
/// restarted silo has a new generation); reports live in memory. A re-activated grain (its silo died) is complete
/// within one interval, and at once in practice, since every silo reports when membership changes; until then
/// placement waits for the candidates' reports (<see cref="GatherReportsFor"/>).
/// </summary>
public sealed partial class ClusterStatusGrain(
    [PersistentState("cluster", CameraGrain.StorageName)] IPersistentState<ClusterControlState> control,
    IClusterMembershipService membership,
    TimeProvider time,
    ILogger<ClusterStatusGrain> logger) : Grain, IClusterStatusGrain
{
    /// <summary>How long a silo may stay silent before it is treated as gone.</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(15);

    /// <summary>How long a placement's reservation counts before the target's reports must show the camera.</summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, (SiloReport Report, DateTimeOffset ReceivedAt)> reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Silo, double Demand, DateTimeOffset Until)> reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> departed = new(StringComparer.Ordinal);
    private TaskCompletionSource reported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset activatedAt;
    private Task? gathered;

    /// <summary>
    /// How long a new activation waits for a candidate's first report before placing without it: every live silo
    /// reports within one interval. A silo that joins later is placed on as empty, which it is.
    /// </summary>
    public static TimeSpan GatherReportsFor { get; } = SiloReporter.Interval + TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activatedAt = time.GetUtcNow();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task ReportAsync(SiloReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        reports[report.Silo] = (report, time.GetUtcNow());
        foreach (var camera in report.Cameras)
        {
            if (reservations.TryGetValue(camera.CameraId, out var reserved) && reserved.Silo == report.Silo)
            {
                reservations.Remove(camera.CameraId);
            }
        }

        foreach (var gone in departed.Where(d => d.Value == report.Silo).Select(d => d.Key).ToArray())
        {
            departed.Remove(gone);
        }

        // Wakes the placements waiting for reports (they interleave with this call).
        var arrived = reported;
        reported = new(TaskCreationOptions.RunContinuationsAsynchronously);
        arrived.TrySetResult();

        await ForgetLeftSilosAsync();
    }

    /// <inheritdoc/>
    public Task<ClusterStatus> GetStatusAsync()
    {
        var silos = Fresh().Values
            .Select(r => r with { Draining = control.State.Drained.Contains(r.Silo) })
            .OrderBy(r => r.Silo, StringComparer.Ordinal)
            .ToArray();
        var serving = silos.Where(s => !s.Draining).ToArray();
        return Task.FromResult(new ClusterStatus
        {
            Silos = silos,
            ActiveCameras = silos.Sum(s => s.ActiveCameras),
            WindowsPerSecond = Math.Round(silos.Sum(s => s.WindowsPerSecond), 2),
            WindowsDropped = silos.Sum(s => s.WindowsDropped),
            Drops = silos.Aggregate(new WindowDrops(), (sum, s) => sum + s.Drops),
            Capacity = Math.Round(serving.Sum(s => s.Capacity), 2),
            Demand = Math.Round(silos.Sum(s => s.Demand), 2),
            Draining = [.. control.State.Drained.Where(d => silos.Any(s => s.Silo == d))],
            Pools = [.. silos.GroupBy(s => s.Accelerator, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Pool(g.Key, [.. g]))],
            GeneratedAt = time.GetUtcNow(),
        });
    }

    /// <inheritdoc/>
    public async Task<string?> PlaceCameraAsync(string cameraId, string profile, string[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        await GatherReportsAsync(cameraId, candidates);

        // From here on nothing awaits: placements interleave, and each one must see the reservations of the last.
        var now = time.GetUtcNow();
        foreach (var expired in reservations.Where(r => r.Value.Until < now).Select(r => r.Key).ToArray())
        {
            reservations.Remove(expired);
        }

        var open = candidates.Where(c => !control.State.Drained.Contains(c)).ToArray();
        if (open.Length == 0)
        {
            return null;
        }

        var fresh = Fresh();

        // The camera is being placed again, so it no longer runs where a report last saw it.
        reservations.Remove(cameraId);
        if (fresh.Values.FirstOrDefault(r => r.Cameras.Any(c => c.CameraId == cameraId)) is { } previous)
        {
            departed[cameraId] = previous.Silo;
        }

        var reserved = reservations.Values.GroupBy(r => r.Silo).ToDictionary(g => g.Key, g => g.Sum(r => r.Demand), StringComparer.Ordinal);
        var departedSet = departed.Keys.ToHashSet(StringComparer.Ordinal);
        var chosen = CapacityPlanner.Choose(open, profile, fresh, reserved, departedSet);
        reservations[cameraId] = (chosen, CapacityPlanner.UnitDemand(profile, fresh.Values), now + ReservationLifetime);
        LogPlaced(cameraId, chosen, open.Length);
        return chosen;
    }

    /// <inheritdoc/>
    public async Task<string> DrainAsync(string silo)
    {
        var address = Resolve(silo, Fresh().Values);
        if (!control.State.Drained.Contains(address))
        {
            control.State.Drained.Add(address);
            await control.WriteStateAsync();
        }

        LogDrain(address, "draining");
        return address;
    }

    /// <inheritdoc/>
    public async Task<string> UndrainAsync(string silo)
    {
        var known = Fresh().Values.Concat(control.State.Drained.Select(d => new SiloReport { Silo = d })).DistinctBy(r => r.Silo);
        var address = Resolve(silo, known);
        if (!control.State.Drained.Remove(address))
        {
            throw new ArgumentException($"silo '{silo}' is not drained; drained silos: {(control.State.Drained.Count == 0 ? "none" : string.Join(", ", control.State.Drained))}");
        }

        await control.WriteStateAsync();
        LogDrain(address, "serving again");
        return address;
    }

    // A new activation knows no silo's load: wait (bounded) until every candidate has reported once.
    private async Task GatherReportsAsync(string cameraId, string[] candidates)
    {
        var logged = false;
        while (true)
        {
            var left = activatedAt + GatherReportsFor - time.GetUtcNow();
            var missing = candidates.Where(c => !control.State.Drained.Contains(c) && !reports.ContainsKey(c)).ToArray();
            if (missing.Length == 0 || left <= TimeSpan.Zero)
            {
                return;
            }

            if (!logged)
            {
                LogGathering(cameraId, string.Join(", ", missing));
                logged = true;
            }

            // One timer for every waiting placement: the end of the gathering period.
            gathered ??= Task.Delay(left, time);
            await Task.WhenAny(reported.Task, gathered);
        }
    }

    // Without this the ledger would grow by one drained address for every pod that was ever stopped.
    private async Task ForgetLeftSilosAsync()
    {
        if (control.State.Drained.Count == 0)
        {
            return;
        }

        var snapshot = membership.CurrentSnapshot;
        var reporting = Fresh();
        var left = control.State.Drained.Where(d => DrainedSilos.HasLeft(d, snapshot.GetSiloStatus, reporting.ContainsKey(d))).ToArray();
        if (left.Length == 0)
        {
            return;
        }

        foreach (var silo in left)
        {
            // Its last report goes too: a dead silo must not look like a serving one until the report goes stale.
            control.State.Drained.Remove(silo);
            reports.Remove(silo);
            LogDrain(silo, "left the cluster; no longer kept as drained");
        }

        try
        {
            await control.WriteStateAsync();
        }
        catch (Exception e) when (e is not (OperationCanceledException or Orleans.Storage.InconsistentStateException))
        {
            // Kept out of memory all the same; the next write of the ledger (or the next activation) persists it.
            // A conflict is not caught: Orleans then deactivates this activation, whose ETag is stale.
            LogForgetNotSaved(ErrorText.OneLine(e.Message));
        }
    }

    private Dictionary<string, SiloReport> Fresh()
    {
        var now = time.GetUtcNow();
        foreach (var gone in reports.Where(r => now - r.Value.ReceivedAt > SilentAfter).Select(r => r.Key).ToArray())
        {
            reports.Remove(gone);
        }

        return reports.ToDictionary(r => r.Key, r => r.Value.Report, StringComparer.Ordinal);
    }

    // Drained silos still produce demand until their cameras have moved, but they add no capacity.
    private static PoolLoad Pool(string accelerator, SiloReport[] silos)
    {
        var capacity = Math.Round(silos.Where(s => !s.Draining).Sum(s => s.Capacity), 2);
        var demand = Math.Round(silos.Sum(s => s.Demand), 2);
        return new PoolLoad
        {
            Pool = accelerator,
            Silos = silos.Length,
            Capacity = capacity,
            Demand = demand,
            DemandRatio = capacity > 0 ? Math.Round(demand / capacity, 3) : 0,
        };
    }

    // A silo is named by its address (as reported), the address without its generation, or its host name.
    private static string Resolve(string silo, IEnumerable<SiloReport> known)
    {
        if (string.IsNullOrWhiteSpace(silo))
        {
            throw new ArgumentException("a silo is needed: give its address (as `cluster status` shows it) or its host name");
        }

        var all = known.ToArray();
        var matches = all.Where(r => r.Silo == silo).ToArray();
        if (matches.Length == 0)
        {
            matches = [.. all.Where(r => r.Silo.StartsWith(silo + "@", StringComparison.Ordinal) || string.Equals(r.Host, silo, StringComparison.OrdinalIgnoreCase))];
        }

        return matches.Length switch
        {
            1 => matches[0].Silo,
            0 => throw new ArgumentException($"no silo '{silo}' reports to the cluster; silos: {(all.Length == 0 ? "none" : string.Join(", ", all.Select(r => $"{r.Silo} ({r.Host})")))}"),
            _ => throw new ArgumentException($"'{silo}' names {matches.Length} silos ({string.Join(", ", matches.Select(m => m.Silo))}); give the full address"),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "camera {Camera}: placement waits for the first report of {Silos}")]
    private partial void LogGathering(string camera, string silos);

    [LoggerMessage(Level = LogLevel.Debug, Message = "camera {Camera}: placed on {Silo} (of {Candidates} candidates)")]
    private partial void LogPlaced(string camera, string silo, int candidates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not save the drained silos after forgetting those that left: {Reason}")]
    private partial void LogForgetNotSaved(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "silo {Silo}: {What}")]
    private partial void LogDrain(string silo, string what);
}
