using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Drills;

/// <summary>
/// The storage account (Azurite, which also holds the membership table) goes away for
/// <see cref="DrillOptions.StorageOutage"/> and comes back with its data. Meanwhile cameras keep scoring:
/// their labels wait in memory (status shows how many and why, within the configured bound) and are
/// written once storage returns, none lost and none twice.
/// </summary>
public static class StorageOutageDrill
{
    /// <summary>The drill's short name.</summary>
    public const string Name = "storage";

    /// <summary>Starts a one-silo cluster, runs the drill on it and stops it.</summary>
    public static async Task<StorageOutageResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var cluster = await DrillCluster.StartAsync("storage-outage", 1, options, cancellationToken: cancellationToken);
        return await RunAsync(cluster, cancellationToken);
    }

    /// <summary>Runs the drill on <paramref name="cluster"/>.</summary>
    public static async Task<StorageOutageResult> RunAsync(DrillCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var options = cluster.Options;
        var video = cluster.Media.Pattern("pattern.mp4");
        string[] cameras = ["store-0", "store-1"];
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, video);
        }

        var droppedBefore = new Dictionary<string, long>();
        foreach (var camera in cameras)
        {
            await cluster.WaitForEventsAsync(camera, "3 stored labels", h => h.Count >= 3);
            droppedBefore[camera] = (await cluster.StatusAsync(camera)).WindowsDropped;
        }

        options.Log($"storage: stopping Azurite for {options.StorageOutage.TotalSeconds:F0} s");
        var stoppedAt = DateTimeOffset.UtcNow;
        await cluster.Host.Storage.StopAsync();
        var maxBuffered = cameras.ToDictionary(c => c, _ => 0);
        var errors = cameras.ToDictionary(c => c, _ => (string?)null);
        var limit = 0;

        // The outage itself lasts a fixed time; the cameras' status is sampled throughout it.
        while (DateTimeOffset.UtcNow - stoppedAt < options.StorageOutage)
        {
            foreach (var camera in cameras)
            {
                try
                {
                    var status = await cluster.StatusAsync(camera);
                    maxBuffered[camera] = Math.Max(maxBuffered[camera], status.HistoryBuffered);
                    errors[camera] ??= status.HistoryError;
                    limit = status.HistoryBufferLimit;
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    options.Log($"storage: status of {camera} unavailable during the outage: {e.Message}");
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        options.Log($"storage: restarting Azurite; buffered at most {string.Join(", ", maxBuffered.Select(b => $"{b.Key} {b.Value}"))}");
        await cluster.Host.Storage.RestartAsync(cancellationToken);
        var restartedAt = DateTimeOffset.UtcNow;
        foreach (var camera in cameras)
        {
            await cluster.WaitForEventsAsync(camera, "a label of a window captured after storage returned", h => h.Any(e => e.Start > restartedAt));
        }

        var recovery = DateTimeOffset.UtcNow - restartedAt;
        options.Log($"storage: buffered labels stored and new ones flowing {recovery.TotalSeconds:F1} s after Azurite returned");

        var states = new Dictionary<string, CameraState>();
        var historyErrors = new Dictionary<string, string?>();
        var dropped = new Dictionary<string, long>();
        foreach (var camera in cameras)
        {
            var status = await cluster.WaitForStatusAsync(camera, "no history error", s => s.HistoryError is null);
            states[camera] = status.State;
            historyErrors[camera] = status.HistoryError;
            dropped[camera] = status.WindowsDropped - droppedBefore[camera];
        }

        var stored = new Dictionary<string, IReadOnlyList<ActionEvent>>();
        var gaps = 0;
        foreach (var camera in cameras)
        {
            stored[camera] = await cluster.StoredEventsAsync(camera);
            gaps += (await cluster.GapsAsync(camera)).Count;
        }

        var result = new StorageOutageResult
        {
            Outage = restartedAt - stoppedAt,
            StoppedAt = stoppedAt,
            RestartedAt = restartedAt,
            RecoveryTime = recovery,
            MaxBuffered = maxBuffered,
            BufferLimit = limit,
            HistoryErrorDuringOutage = errors,
            WindowsDropped = dropped,
            EventsDuringOutage = stored.Values.Sum(s => s.Count(e => e.End > stoppedAt && e.End < restartedAt)),
            EventsStored = stored.Values.Sum(s => s.Count),
            Duplicates = stored.Values.Sum(StoredEvents.Duplicates),
            Holes = cameras.Select(c => (c, Holes: StoredEvents.Holes(stored[c]))).Where(h => h.Holes.Count > 0).ToDictionary(h => h.c, h => h.Holes),
            Gaps = gaps,
            FinalStates = states,
            FinalHistoryErrors = historyErrors,
            Problems = [],
        };
        return result with { Problems = Check(result, options) };
    }

    private static List<string> Check(StorageOutageResult r, DrillOptions options)
    {
        var problems = new List<string>();
        foreach (var (camera, buffered) in r.MaxBuffered)
        {
            if (buffered == 0 || r.HistoryErrorDuringOutage[camera] is null)
            {
                problems.Add($"{camera}: status never showed buffered labels with a history error during the outage (buffered {buffered}, error {r.HistoryErrorDuringOutage[camera] ?? "none"})");
            }

            if (buffered > r.BufferLimit)
            {
                problems.Add($"{camera}: {buffered} labels buffered, over the bound {r.BufferLimit}");
            }
        }

        if (r.BufferLimit != options.MaxBufferedEvents)
        {
            problems.Add($"cameras report a buffer bound of {r.BufferLimit}, configured {options.MaxBufferedEvents}");
        }

        if (r.EventsDuringOutage == 0)
        {
            problems.Add("no label of a window captured during the outage was stored");
        }

        if (r.Duplicates > 0)
        {
            problems.Add($"{r.Duplicates} duplicate (camera, sequence) lines stored");
        }

        foreach (var (camera, missing) in r.Holes)
        {
            problems.Add($"{camera}: {missing.Count} sequence(s) lost: {string.Join(", ", missing.Take(10))}");
        }

        if (r.Gaps > 0)
        {
            problems.Add($"{r.Gaps} gap(s) recorded although the cameras kept streaming");
        }

        foreach (var (camera, state) in r.FinalStates.Where(f => f.Value != CameraState.Streaming))
        {
            problems.Add($"{camera} ended {state}, not Streaming");
        }

        return problems;
    }
}
