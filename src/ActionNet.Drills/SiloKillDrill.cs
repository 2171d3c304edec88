using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Drills;

/// <summary>
/// A silo process dies (SIGKILL) while cameras stream on it and on another silo. Its cameras must resume
/// on a survivor within <see cref="RecoveryLimit"/>, their history must show the outage as exactly one
/// <see cref="HistoryGap"/> and no repeated or missing sequence, and the other silo's cameras must not
/// notice (no gap, no pause longer than the gap threshold).
/// </summary>
public static class SiloKillDrill
{
    /// <summary>The drill's short name.</summary>
    public const string Name = "silo";

    /// <summary>How soon a killed silo's cameras must label again.</summary>
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    /// <summary>Starts a two-silo cluster, runs the drill on it and stops it.</summary>
    public static async Task<SiloKillResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var cluster = await DrillCluster.StartAsync("silo-kill", 2, options, cancellationToken: cancellationToken);
        return await RunAsync(cluster, cancellationToken);
    }

    /// <summary>Runs the drill on <paramref name="cluster"/> (two or more running silos).</summary>
    public static async Task<SiloKillResult> RunAsync(DrillCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var log = cluster.Options.Log;
        var video = cluster.Media.Pattern("pattern.mp4");
        var cameras = new List<string>();
        var placement = new Dictionary<string, string>();
        async Task AddCameraAsync()
        {
            var id = $"kill-{cameras.Count}";
            await cluster.RegisterAsync(id, video);
            cameras.Add(id);
        }

        for (var i = 0; i < cluster.Options.Cameras; i++)
        {
            await AddCameraAsync();
        }

        // Placement is Orleans' choice: add cameras until both silos hold some (bounded).
        while (true)
        {
            foreach (var camera in cameras.Where(c => !placement.ContainsKey(c)).ToList())
            {
                await cluster.WaitForEventsAsync(camera, "3 stored labels", h => h.Count >= 3);
                placement[camera] = (await cluster.StatusAsync(camera)).Silo;
            }

            if (placement.Values.Distinct().Count() >= 2 || cameras.Count >= 3 * Math.Max(2, cluster.Options.Cameras))
            {
                break;
            }

            await AddCameraAsync();
        }

        var bySilo = placement.GroupBy(p => p.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (bySilo.Count < 2)
        {
            throw new InvalidOperationException($"every one of {cameras.Count} cameras was placed on silo {bySilo[0].Key}; the drill needs cameras on two silos\n{cluster.Diagnostics()}");
        }

        var victimName = bySilo[0].Key;
        var victim = cluster.Host.Silos.Single(s => s.IsRunning && s.Name == victimName);
        var moved = bySilo[0].Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var kept = cameras.Except(moved).Order(StringComparer.Ordinal).ToList();
        log($"silo: killing {victimName} with {string.Join(", ", moved)}; {string.Join(", ", kept)} stay elsewhere");

        // The moment the process is gone: killing a process tree first walks /proc, and on a loaded machine the
        // silo keeps cutting windows for tens of milliseconds after the kill was asked for.
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        var recovery = new Dictionary<string, TimeSpan>();
        foreach (var camera in moved)
        {
            var history = await cluster.WaitForEventsAsync(camera, $"a label of a window captured after silo {victimName} was killed", h => h.Any(e => e.Start > killedAt));
            recovery[camera] = history.Where(e => e.Start > killedAt).Min(e => e.StoredAt) - killedAt;
            log($"silo: {camera} labelled again {recovery[camera].TotalSeconds:F1} s after the kill");
        }

        // Let every camera run a little past the recovery, so the survivors' flow is observed throughout.
        var observedUntil = DateTimeOffset.UtcNow;
        foreach (var camera in cameras)
        {
            await cluster.WaitForEventsAsync(camera, "labels past the recovery", h => h.Any(e => e.End > observedUntil));
        }

        var resumedOn = new Dictionary<string, string>();
        var states = new Dictionary<string, CameraState>();
        foreach (var camera in cameras)
        {
            var status = await DrillWait.UntilAsync($"status of {camera}", cluster.Options.Patience, () => cluster.StatusAsync(camera), _ => true, cluster.Diagnostics, cancellationToken);
            states[camera] = status.State;
            if (moved.Contains(camera))
            {
                resumedOn[camera] = status.Silo;
            }
        }

        var stored = new Dictionary<string, IReadOnlyList<ActionEvent>>();
        var gaps = new Dictionary<string, IReadOnlyList<HistoryGap>>();
        foreach (var camera in cameras)
        {
            stored[camera] = await cluster.StoredEventsAsync(camera);
            gaps[camera] = await cluster.GapsAsync(camera);
        }

        var pauses = kept.ToDictionary(c => c, c => StoredEvents.LongestPause(stored[c], killedAt.AddSeconds(-cluster.Options.GapSeconds), observedUntil));
        var holes = cameras.Select(c => (c, Holes: StoredEvents.Holes(stored[c]))).Where(h => h.Holes.Count > 0).ToDictionary(h => h.c, h => h.Holes);
        var result = new SiloKillResult
        {
            KilledSilo = victimName,
            KilledAt = killedAt,
            MovedCameras = moved,
            KeptCameras = kept,
            CameraRecovery = recovery,
            ResumedOn = resumedOn,
            EventsBefore = stored.Values.Sum(s => s.Count(e => e.End < killedAt)),
            EventsAfter = stored.Values.Sum(s => s.Count(e => e.Start > killedAt)),
            Duplicates = stored.Values.Sum(StoredEvents.Duplicates),
            Holes = holes,
            GapRecords = [.. gaps.Values.SelectMany(g => g)],
            KeptLongestPause = pauses,
            FinalStates = states,
            Problems = [],
        };
        return result with { Problems = Check(result, gaps, cluster.Options.GapSeconds) };
    }

    private static List<string> Check(SiloKillResult r, Dictionary<string, IReadOnlyList<HistoryGap>> gaps, int gapSeconds)
    {
        var problems = new List<string>();
        if (r.RecoveryTime > RecoveryLimit)
        {
            problems.Add($"cameras of the killed silo took {r.RecoveryTime?.TotalSeconds:F1} s to label again (limit {RecoveryLimit.TotalSeconds:F0} s)");
        }

        if (r.Duplicates > 0)
        {
            problems.Add($"{r.Duplicates} duplicate (camera, sequence) lines stored");
        }

        foreach (var (camera, missing) in r.Holes)
        {
            problems.Add($"{camera}: sequences missing from history: {string.Join(", ", missing.Take(10))}");
        }

        foreach (var camera in r.MovedCameras)
        {
            var outage = gaps[camera].Where(g => g.Start <= r.KilledAt && g.End >= r.KilledAt).ToList();
            if (outage.Count != 1 || gaps[camera].Count != 1)
            {
                problems.Add($"{camera} (moved): expected exactly one gap spanning the kill, found {gaps[camera].Count} gap(s), {outage.Count} spanning it");
            }

            if (r.ResumedOn.GetValueOrDefault(camera) == r.KilledSilo)
            {
                problems.Add($"{camera} reports the killed silo {r.KilledSilo} as its silo");
            }
        }

        foreach (var camera in r.KeptCameras)
        {
            if (gaps[camera].Count > 0)
            {
                problems.Add($"{camera} (on a surviving silo) has {gaps[camera].Count} gap(s) recorded");
            }

            if (r.KeptLongestPause[camera] > TimeSpan.FromSeconds(gapSeconds))
            {
                problems.Add($"{camera} (on a surviving silo) paused {r.KeptLongestPause[camera].TotalSeconds:F1} s between labels (gap threshold {gapSeconds} s)");
            }
        }

        foreach (var (camera, state) in r.FinalStates.Where(s => s.Value != CameraState.Streaming))
        {
            problems.Add($"{camera} ended {state}, not Streaming");
        }

        return problems;
    }
}
