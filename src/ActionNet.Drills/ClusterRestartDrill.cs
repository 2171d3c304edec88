using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Drills;

/// <summary>
/// Every silo stops gracefully (SIGTERM, all at once) and the same number start again in the same cluster.
/// Every registered camera must come back by itself (nobody registers anything again; only history is read
/// until it does, since asking a camera for its status would activate it) and history must hold no
/// (camera, sequence) twice.
/// </summary>
public static class ClusterRestartDrill
{
    /// <summary>The drill's short name.</summary>
    public const string Name = "restart";

    /// <summary>Starts a two-silo cluster, runs the drill on it and stops it.</summary>
    public static async Task<ClusterRestartResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var cluster = await DrillCluster.StartAsync("cluster-restart", 2, options, cancellationToken: cancellationToken);
        return await RunAsync(cluster, cancellationToken);
    }

    /// <summary>Runs the drill on <paramref name="cluster"/>.</summary>
    public static async Task<ClusterRestartResult> RunAsync(DrillCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var log = cluster.Options.Log;
        var video = cluster.Media.Pattern("pattern.mp4");
        var cameras = Enumerable.Range(0, Math.Max(2, cluster.Options.Cameras / 2)).Select(i => $"restart-{i}").ToList();
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, video);
        }

        foreach (var camera in cameras)
        {
            await cluster.WaitForEventsAsync(camera, "3 stored labels", h => h.Count >= 3);
        }

        var running = cluster.Host.Silos.Where(s => s.IsRunning).ToList();
        log($"restart: stopping all {running.Count} silos (SIGTERM)");
        var stopping = DateTimeOffset.UtcNow;
        await Task.WhenAll(running.Select(s => s.StopAsync(TimeSpan.FromSeconds(30))));
        var stopTime = DateTimeOffset.UtcNow - stopping;
        var lastBefore = new Dictionary<string, long>();
        foreach (var camera in cameras)
        {
            var stored = await cluster.StoredEventsAsync(camera);
            lastBefore[camera] = stored.Count == 0 ? -1 : stored.Max(e => e.Sequence);
        }

        log($"restart: all stopped in {stopTime.TotalSeconds:F1} s; starting {running.Count} silos");
        foreach (var _ in running)
        {
            await cluster.Host.AddSiloAsync("cpu", cancellationToken: cancellationToken);
        }

        var upAt = DateTimeOffset.UtcNow;
        await cluster.ReconnectAsync();
        var recovery = new Dictionary<string, TimeSpan>();
        foreach (var camera in cameras)
        {
            var history = await cluster.WaitForEventsAsync(camera, $"labels after #{lastBefore[camera]} with nobody re-registering", h => h.Any(e => e.Sequence > lastBefore[camera]));
            recovery[camera] = history.Where(e => e.Sequence > lastBefore[camera]).Min(e => e.StoredAt) - upAt;
            log($"restart: {camera} labelled again {recovery[camera].TotalSeconds:F1} s after the silos were up");
        }

        // A few more labels each, so a repeated sequence would have had time to show.
        foreach (var camera in cameras)
        {
            await cluster.WaitForEventsAsync(camera, "3 labels after the restart", h => h.Count(e => e.Sequence > lastBefore[camera]) >= 3);
        }

        var registered = await DrillWait.UntilAsync("the camera list", cluster.Options.Patience, () => cluster.Grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ListAsync(), _ => true, cluster.Diagnostics, cancellationToken);
        var states = new Dictionary<string, CameraState>();
        var all = new Dictionary<string, IReadOnlyList<ActionEvent>>();
        var gaps = 0;
        foreach (var camera in cameras)
        {
            states[camera] = (await cluster.WaitForStatusAsync(camera, "a status", _ => true)).State;
            all[camera] = await cluster.StoredEventsAsync(camera);
            gaps += (await cluster.GapsAsync(camera)).Count;
        }

        var result = new ClusterRestartResult
        {
            Silos = running.Count,
            StopTime = stopTime,
            RecoveryTime = recovery.Values.Max(),
            CameraRecovery = recovery,
            Registered = registered,
            Cameras = cameras,
            EventsBefore = all.Sum(a => a.Value.Count(e => e.Sequence <= lastBefore[a.Key])),
            EventsAfter = all.Sum(a => a.Value.Count(e => e.Sequence > lastBefore[a.Key])),
            Duplicates = all.Values.Sum(StoredEvents.Duplicates),
            Holes = cameras.Select(c => (c, Holes: StoredEvents.Holes(all[c]))).Where(h => h.Holes.Count > 0).ToDictionary(h => h.c, h => h.Holes),
            Gaps = gaps,
            FinalStates = states,
            Problems = [],
        };
        return result with { Problems = Check(result) };
    }

    private static List<string> Check(ClusterRestartResult r)
    {
        var problems = new List<string>();
        foreach (var camera in r.Cameras.Where(c => !r.Registered.Contains(c)))
        {
            problems.Add($"{camera} is no longer registered after the restart");
        }

        if (r.Duplicates > 0)
        {
            problems.Add($"{r.Duplicates} duplicate (camera, sequence) lines stored");
        }

        foreach (var (camera, missing) in r.Holes)
        {
            problems.Add($"{camera}: sequences missing from history: {string.Join(", ", missing.Take(10))}");
        }

        foreach (var (camera, state) in r.FinalStates.Where(s => s.Value != CameraState.Streaming))
        {
            problems.Add($"{camera} ended {state}, not Streaming");
        }

        return problems;
    }
}
