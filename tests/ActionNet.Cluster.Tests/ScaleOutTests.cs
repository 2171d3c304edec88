using ActionNet.Abstractions.Cluster;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// Every accelerator silo adds capacity: cameras run (decode, windows, scoring) on an allowed silo, spread by
/// spare capacity, and move at a bounded rate when silos join, die or drain, each move leaving at most one
/// gap and no duplicate sequence. Each test joins, kills or drains silos, so each has a cluster of its own.
/// </summary>
public sealed class ScaleOutTests
{
    private static readonly SolidColour Teal = new(20, 180, 170);

    [Fact]
    public async Task SixCamerasSpreadThreeAndThreeWithinAMinuteOfASecondT4SiloJoiningAndNeverRunOnTheCpuSilo()
    {
        await using var cluster = await TestCluster.StartAsync("join", "t4", "cpu");
        var first = cluster.Silo("t4").Name;
        var cpu = cluster.Silo("cpu").Name;
        var cameras = Enumerable.Range(0, 6).Select(i => TestCluster.NewCameraId($"join{i}")).ToArray();
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, Teal, TestCluster.T4Profile);
        }

        await cluster.WaitForClusterAsync("all 6 cameras reported on the first t4 silo", s => Cameras(s, first) == 6);
        var second = await cluster.Host.AddSiloAsync("t4");
        var balanced = await cluster.WaitForClusterAsync(
            $"3±1 cameras on each t4 silo ({first}, {second.Name})",
            s => Cameras(s, first) is >= 2 and <= 4 && Cameras(s, second.Name) is >= 2 and <= 4 && Cameras(s, first) + Cameras(s, second.Name) == 6,
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, Cameras(balanced, cpu));

        // Every moved camera scores on the new silo; history stays exact across the move.
        var moved = new List<string>();
        foreach (var camera in cameras)
        {
            var history = await cluster.WaitForHistoryAsync(camera, "events after the rebalance", h => h.Length >= 3);
            if (balanced.Silos.Single(s => s.Host == second.Name).Cameras.Any(c => c.CameraId == camera))
            {
                moved.Add(camera);
                history = await cluster.WaitForHistoryAsync(camera, $"an event scored on {second.Name}", h => h.Any(e => e.Silo == second.Name));
            }

            Assert.All(history, e => Assert.NotEqual(cpu, e.Silo));
            EventAssert.NoDuplicateSequences(await cluster.StoredEventsAsync(camera));
            var moves = history.Zip(history.Skip(1)).Count(p => p.First.Silo != p.Second.Silo);
            Assert.True((await cluster.GapsAsync(camera)).Length <= moves, $"camera {camera}: more gaps than its {moves} move(s)");
        }

        Assert.InRange(moved.Count, 2, 4);

        // No pixels cross silos. Besides its reports, a silo now also sends each scored window's label on the live-event
        // stream (to the stream's queue grain, which may be on another silo, and on to the alert router and the API
        // hosts), a few hundred bytes a hop; the silo that holds the queue also forwards every camera's labels, so its
        // share per window of its own can reach a few KB. The bound stays below one 64x48 RGB frame of this test's
        // cameras (9216 bytes), let alone a 4.8 MB window. The meter counts every message a silo sends, answers to this
        // test's own queries too, so the figure is read after a report interval in which the test asks nothing.
        await Task.Delay(TimeSpan.FromSeconds(11)); // silos report every 5 s: a whole quiet interval even when a report is late
        var traffic = await cluster.Grains.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();
        Assert.All(traffic.Silos.Where(s => s.Accelerator == "t4"), s => Assert.InRange(s.SentBytesPerWindow, 1, 8192));
    }

    [Fact]
    public async Task AKilledSilosCamerasSpreadOverBothSurvivorsAndAllScoreAgainWithin30Seconds()
    {
        await using var cluster = await TestCluster.StartAsync("spread", "t4", "t4", "t4");
        var silos = cluster.Host.Silos.Select(s => s.Name).ToArray();
        var cameras = Enumerable.Range(0, 6).Select(i => TestCluster.NewCameraId($"spread{i}")).ToArray();
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, Teal, TestCluster.T4Profile);
        }

        var before = await cluster.WaitForClusterAsync("2 cameras on each of the 3 silos", s => silos.All(n => Cameras(s, n) == 2));
        var victim = cluster.Host.Silos[0];
        var orphans = before.Silos.Single(s => s.Host == victim.Name).Cameras.Select(c => c.CameraId).ToArray();
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        await cluster.ReconnectAsync();

        var landed = new Dictionary<string, string>();
        foreach (var camera in orphans)
        {
            var history = await DrillWait.UntilAsync(
                $"camera {camera} scoring again after {victim.Name} was killed",
                TimeSpan.FromSeconds(30) - (DateTimeOffset.UtcNow - killedAt),
                () => cluster.HistoryAsync(camera),
                h => h.Any(e => e.Start > killedAt && e.Silo != victim.Name),
                cluster.Diagnostics);
            landed[camera] = history.Last(e => e.Silo != victim.Name).Silo;
            EventAssert.NoDuplicateSequences(await cluster.StoredEventsAsync(camera));
        }

        Assert.Equal(2, landed.Values.Distinct().Count());
        Assert.DoesNotContain(victim.Name, landed.Values);

        // Only the dead silo's cameras moved: the survivors' own cameras kept running where they were (the grain
        // directory recovers their registrations instead of deactivating those the dead silo's partition held).
        var stayed = before.Silos.Where(s => s.Host != victim.Name).SelectMany(s => s.Cameras.Select(c => (c.CameraId, s.Host))).ToArray();
        await cluster.WaitForClusterAsync(
            "the survivors' cameras still on their silos, the orphans on theirs",
            s => s.Silos.Sum(x => x.ActiveCameras) == 6 && stayed.All(c => s.Silos.Any(x => x.Host == c.Host && x.Cameras.Any(y => y.CameraId == c.CameraId))));
        foreach (var (camera, _) in stayed)
        {
            Assert.DoesNotContain(await cluster.HistoryAsync(camera), e => e.Start > killedAt && e.Silo != stayed.Single(c => c.CameraId == camera).Host);
        }
    }

    [Fact]
    public async Task DrainEmptiesASiloWithoutDuplicatesAndUndrainLetsItTakeCamerasAgain()
    {
        await using var cluster = await TestCluster.StartAsync("drain", "t4", "t4");
        var (a, b) = (cluster.Host.Silos[0].Name, cluster.Host.Silos[1].Name);
        var cameras = Enumerable.Range(0, 4).Select(i => TestCluster.NewCameraId($"drain{i}")).ToArray();
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, Teal, TestCluster.T4Profile);
        }

        var balanced = await cluster.WaitForClusterAsync("2 cameras on each silo", s => Cameras(s, a) == 2 && Cameras(s, b) == 2);
        var address = balanced.Silos.Single(s => s.Host == a).Silo;

        var drain = await cluster.CliOkAsync("cluster", "drain", a, "--wait", "60");
        Assert.Contains($"drained {address}", drain.Stdout, StringComparison.Ordinal);
        var drained = await cluster.WaitForClusterAsync($"{b} runs all 4 cameras", s => Cameras(s, b) == 4);
        Assert.Contains(address, drained.Draining);
        var status = await cluster.CliOkAsync("cluster", "status");
        Assert.Contains("draining", status.Stdout, StringComparison.Ordinal);
        foreach (var camera in cameras)
        {
            await cluster.WaitForHistoryAsync(camera, $"an event scored on {b}", h => h.Any(e => e.Silo == b));
            EventAssert.NoDuplicateSequences(await cluster.StoredEventsAsync(camera));
        }

        var bad = await cluster.CliAsync("cluster", "undrain", b);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("is not drained", bad.Stderr, StringComparison.Ordinal);

        await cluster.CliOkAsync("cluster", "undrain", a);
        await cluster.WaitForClusterAsync($"{a} takes cameras again", s => Cameras(s, a) is >= 1 and <= 3 && Cameras(s, a) + Cameras(s, b) == 4, TimeSpan.FromSeconds(60));
        foreach (var camera in cameras)
        {
            EventAssert.NoDuplicateSequences(await cluster.StoredEventsAsync(camera));
        }
    }

    private static int Cameras(ClusterStatus status, string host) =>
        status.Silos.Where(s => s.Host == host).Sum(s => s.ActiveCameras);
}
