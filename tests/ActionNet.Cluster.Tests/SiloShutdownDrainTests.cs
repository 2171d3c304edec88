using ActionNet.Abstractions.Cluster;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// How a Kubernetes pod of the chart stops, against real silos: the preStop hook drains the silo through its own
/// gateway (<c>actionnet cluster drain &lt;host&gt; --wait</c> with <c>ACTIONNET_GATEWAYS=127.0.0.1:&lt;gateway&gt;</c>), then
/// SIGTERM; and a silo that gets SIGTERM without the hook drains itself (<c>ActionNet:Drain</c>) before it leaves.
/// Either way its cameras run on the other silo before its process exits. Each test stops a silo, so each has a
/// cluster of its own.
/// </summary>
public sealed class SiloShutdownDrainTests
{
    private static readonly SolidColour Olive = new(120, 130, 30);

    [Fact]
    public async Task ASiloGivenSigtermDrainsItselfSoItsCamerasScoreOnTheOtherSiloBeforeItExitsCleanly()
    {
        await using var cluster = await TestCluster.StartAsync("sigterm", "t4", "t4");
        var (leaving, staying) = (cluster.Host.Silos[0], cluster.Host.Silos[1]);
        var (address, moving) = await BalanceFourCamerasAsync(cluster, leaving, staying);

        var stopped = await StopAsync(leaving);

        var log = await File.ReadAllTextAsync(leaving.LogPath);
        Assert.Contains($"stopping: draining silo {address},", log, StringComparison.Ordinal);
        Assert.Contains($"stopping: silo {address} drained in", log, StringComparison.Ordinal);
        await AssertScoredOnBeforeExitAsync(cluster, moving, staying, stopped);
        await AssertNoLongerKeptDrainedAsync(cluster, address, staying);
    }

    [Fact]
    public async Task ThePreStopDrainThroughTheSilosOwnGatewayEmptiesItAndSigtermThenFindsNothingToMove()
    {
        await using var cluster = await TestCluster.StartAsync("prestop", "t4", "t4");
        var (leaving, staying) = (cluster.Host.Silos[0], cluster.Host.Silos[1]);
        var (address, moving) = await BalanceFourCamerasAsync(cluster, leaving, staying);

        // What the chart's preStop hook runs in the silo's container: the CLI beside the silo, its own gateway only.
        var preStop = await CliProcess.RunAsync(
            ["cluster", "drain", leaving.Name, "--wait", "60"],
            environment: new Dictionary<string, string>
            {
                ["ACTIONNET_GATEWAYS"] = $"127.0.0.1:{leaving.GatewayPort}",
                ["ACTIONNET_CLUSTER_ID"] = cluster.Host.ClusterId,
                ["ACTIONNET_SERVICE_ID"] = cluster.Host.ClusterId,
            });
        Assert.True(preStop.ExitCode == 0, $"{preStop}\n{cluster.Diagnostics()}");
        Assert.Contains($"drained {address}: no camera runs there", preStop.Stdout, StringComparison.Ordinal);
        Assert.True(leaving.IsRunning, "the preStop drain must not stop the silo");

        var stopped = await StopAsync(leaving);

        var log = await File.ReadAllTextAsync(leaving.LogPath);
        Assert.DoesNotContain("stopping: draining silo", log, StringComparison.Ordinal);
        await AssertScoredOnBeforeExitAsync(cluster, moving, staying, stopped);
        await AssertNoLongerKeptDrainedAsync(cluster, address, staying);
    }

    // Four t4-only cameras, two on each silo; returns the leaving silo's address and its cameras.
    private static async Task<(string Address, string[] Cameras)> BalanceFourCamerasAsync(TestCluster cluster, SiloProcess leaving, SiloProcess staying)
    {
        var cameras = Enumerable.Range(0, 4).Select(i => TestCluster.NewCameraId($"stop{i}")).ToArray();
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, Olive, TestCluster.T4Profile);
        }

        var balanced = await cluster.WaitForClusterAsync(
            $"2 cameras on each of {leaving.Name} and {staying.Name}",
            s => Cameras(s, leaving.Name) == 2 && Cameras(s, staying.Name) == 2);
        var report = balanced.Silos.Single(s => s.Host == leaving.Name);
        return (report.Silo, [.. report.Cameras.Select(c => c.CameraId)]);
    }

    // SIGTERM, as the kubelet sends it after preStop; a silo still running after the grace period is killed and fails here.
    private static async Task<DateTimeOffset> StopAsync(SiloProcess silo)
    {
        await silo.StopAsync(TimeSpan.FromSeconds(90));
        var exited = DateTimeOffset.UtcNow;
        Assert.False(silo.IsRunning);
        Assert.True(silo.ExitCode == 0, $"silo {silo.Name} exited with {silo.ExitCode} (killed, or a failed stop): {silo.Tail(10)}");
        return exited;
    }

    // Every camera of the stopped silo scored on the other silo, the first of those windows starting before the
    // process exited (so it had moved while the silo still ran), with no repeated sequence and at most one gap.
    private static async Task AssertScoredOnBeforeExitAsync(TestCluster cluster, string[] moved, SiloProcess staying, DateTimeOffset exited)
    {
        await cluster.ReconnectAsync();
        foreach (var camera in moved)
        {
            var history = await cluster.WaitForHistoryAsync(camera, $"an event scored on {staying.Name}", h => h.Any(e => e.Silo == staying.Name));
            var first = history.Where(e => e.Silo == staying.Name).Min(e => e.Start);
            Assert.True(first < exited, $"camera {camera}: first window on {staying.Name} starts at {first:O}, after the silo exited at {exited:O}\n{cluster.Diagnostics()}");
            EventAssert.NoDuplicateSequences(await cluster.StoredEventsAsync(camera));
            Assert.True((await cluster.GapsAsync(camera)).Length <= 1, $"camera {camera}: more than one gap for one move");
        }
    }

    // The ledger forgets the drained address once membership has the silo dead: a stopped pod's address never
    // comes back (a new pod is a new generation), so without this every scale-in would leave one behind.
    private static Task AssertNoLongerKeptDrainedAsync(TestCluster cluster, string address, SiloProcess staying) =>
        DrillWait.UntilAsync(
            $"the ledger on {staying.Name} forgetting drained silo {address}",
            TimeSpan.FromSeconds(60),
            () => Task.FromResult(staying.ReadLog()),
            log => log.Contains($"silo {address}: left the cluster; no longer kept as drained", StringComparison.Ordinal),
            cluster.Diagnostics);

    private static int Cameras(ClusterStatus status, string host) =>
        status.Silos.Where(s => s.Host == host).Sum(s => s.ActiveCameras);
}
