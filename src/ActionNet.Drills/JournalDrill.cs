using ActionNet.Abstractions.History;

namespace ActionNet.Drills;

/// <summary>
/// The journal drill: storage (Azurite) goes away, cameras keep recording into the silo's local journal,
/// the silo is SIGKILLed during the outage, storage returns and the silo is started again on the same
/// disk. Every window the aggregators had acknowledged before the kill must end up stored exactly once:
/// <c>lost</c> = acknowledged sequences missing from storage (and not recorded as lost), <c>duplicates</c> =
/// stored lines that repeat a (camera, sequence).
/// </summary>
public static class JournalDrill
{
    /// <summary>The drill's short name.</summary>
    public const string Name = "journal";

    private static readonly string[] Cameras = ["journal-0", "journal-1"];

    /// <summary>Starts a one-silo cluster, runs the drill on it and stops it.</summary>
    public static async Task<JournalResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var cluster = await DrillCluster.StartAsync("journal", 1, options, cancellationToken: cancellationToken);
        return await RunAsync(cluster, cancellationToken);
    }

    /// <summary>Runs the drill on <paramref name="cluster"/>.</summary>
    public static async Task<JournalResult> RunAsync(DrillCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var options = cluster.Options;
        var video = cluster.Media.Pattern("pattern.mp4");
        foreach (var camera in Cameras)
        {
            await cluster.RegisterAsync(camera, video);
        }

        foreach (var camera in Cameras)
        {
            await cluster.WaitForEventsAsync(camera, "3 stored labels", h => h.Count >= 3);
        }

        // Long enough into the outage that the journal holds a good run of labels, as in the issue's 12 s.
        var outageBeforeKill = TimeSpan.FromSeconds(Math.Min(12, options.StorageOutage.TotalSeconds));
        options.Log($"journal: stopping Azurite, then SIGKILL of the silo after {outageBeforeKill.TotalSeconds:F0} s");
        var stoppedAt = DateTimeOffset.UtcNow;
        await cluster.Host.Storage.StopAsync();
        var acknowledged = Cameras.ToDictionary(c => c, _ => -1L);
        var journalDepth = Cameras.ToDictionary(c => c, _ => 0);
        while (DateTimeOffset.UtcNow - stoppedAt < outageBeforeKill)
        {
            foreach (var camera in Cameras)
            {
                try
                {
                    var status = await cluster.Grains.GetGrain<IAggregatorGrain>(camera).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                    acknowledged[camera] = Math.Max(acknowledged[camera], status.RecordedSequence);
                    journalDepth[camera] = Math.Max(journalDepth[camera], status.BufferedEvents);
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    options.Log($"journal: aggregator status of {camera} unavailable: {e.Message}");
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        var silo = cluster.Host.Silos[0];
        await silo.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        options.Log($"journal: silo killed; journals held at most {string.Join(", ", journalDepth.Select(d => $"{d.Key} {d.Value}"))} labels");

        await cluster.Host.Storage.RestartAsync(cancellationToken);
        var storageBack = DateTimeOffset.UtcNow;
        await cluster.Host.AddSiloAsync("cpu", (silo.SiloPort, silo.GatewayPort), cancellationToken);
        await cluster.ReconnectAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        options.Log("journal: Azurite back and the silo restarted on the same journal; waiting for the replay");

        foreach (var camera in Cameras)
        {
            var upTo = acknowledged[camera];
            await cluster.WaitForEventsAsync(
                camera,
                $"every acknowledged label up to #{upTo} stored, and a new label after the restart",
                h => h.Any(e => e.Sequence >= upTo) && h.Any(e => e.Start > restartedAt));
        }

        var recovery = DateTimeOffset.UtcNow - restartedAt;
        var lost = new Dictionary<string, IReadOnlyList<long>>();
        var duplicates = 0;
        var stored = 0;
        var lostRecorded = 0L;
        var gaps = 0;
        foreach (var camera in Cameras)
        {
            var raw = await cluster.StoredEventsAsync(camera);
            var recorded = await cluster.GapsAsync(camera);
            gaps += recorded.Count;
            lostRecorded += recorded.Sum(g => g.LostWindows);
            var explained = recorded.Where(g => g.LostWindows > 0).SelectMany(g => Range(g.PreviousSequence + 1, g.NextSequence - 1)).ToHashSet();
            var present = raw.Select(e => e.Sequence).ToHashSet();
            var first = raw.Count == 0 ? 0 : raw.Min(e => e.Sequence);
            lost[camera] = [.. Range(first, acknowledged[camera]).Where(s => !present.Contains(s) && !explained.Contains(s))];
            duplicates += StoredEvents.Duplicates(raw);
            stored += raw.Count;
        }

        var result = new JournalResult
        {
            StoppedAt = stoppedAt,
            KilledAt = killedAt,
            StorageBackAt = storageBack,
            RestartedAt = restartedAt,
            RecoveryTime = recovery,
            Acknowledged = acknowledged,
            MaxJournalDepth = journalDepth,
            Lost = lost.Values.Sum(l => l.Count),
            LostSequences = lost.Where(l => l.Value.Count > 0).ToDictionary(l => l.Key, l => l.Value),
            LostRecorded = lostRecorded,
            EventsStored = stored,
            Duplicates = duplicates,
            Gaps = gaps,
            Problems = [],
        };
        return result with { Problems = Check(result) };
    }

    private static IEnumerable<long> Range(long first, long last)
    {
        for (var s = first; s <= last; s++)
        {
            yield return s;
        }
    }

    private static List<string> Check(JournalResult r)
    {
        var problems = new List<string>();
        foreach (var (camera, depth) in r.MaxJournalDepth.Where(d => d.Value == 0))
        {
            problems.Add($"{camera}: the journal never held a label during the outage");
        }

        if (r.Lost > 0)
        {
            problems.Add($"{r.Lost} acknowledged label(s) lost: {string.Join("; ", r.LostSequences.Select(l => $"{l.Key} {string.Join(", ", l.Value.Take(10))}"))}");
        }

        if (r.Duplicates > 0)
        {
            problems.Add($"{r.Duplicates} duplicate (camera, sequence) lines stored");
        }

        return problems;
    }
}
