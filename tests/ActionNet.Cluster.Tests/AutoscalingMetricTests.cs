using ActionNet.Abstractions.Cluster;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// The metric the chart's KEDA ScaledObject and HPA scale a pool on, <c>actionnet_cluster_demand_ratio{pool}</c>, read
/// from a real silo's /metrics while cameras are added beyond the pool's capacity and removed again. The pool's
/// silo has a device of fixed capacity (the profile's emulated device time), so a few cameras outgrow it.
/// </summary>
public sealed class AutoscalingMetricTests
{
    private const string Metric = "actionnet_cluster_demand_ratio";

    // The chart's autoscaling.targetRatio: above it KEDA or the HPA add a silo.
    private const double TargetRatio = 0.8;

    // 100 ms of device time per window: one silo sustains 10 windows/s, while a 25 fps camera at stride 4 cuts about 6.
    private const string Profile = "probe-t4-10wps";

    private static readonly SolidColour Violet = new(140, 60, 200);

    [Fact]
    public async Task TheT4DemandRatioOnASilosMetricsRisesPastOneAsCamerasOutgrowThePoolAndFallsBelowTheTargetWhenTheyGo()
    {
        await using var cluster = await TestCluster.StartAsync(
            "ratio",
            model => [new(Profile, model, ["t4"], Stride: 4, MaxBatch: 2, MaxWaitMs: 10, Capacity: 10, EmulatedDeviceMsPerWindow: 100)],
            "t4");
        using var http = new HttpClient { BaseAddress = cluster.Silo("t4").HttpAddress, Timeout = TimeSpan.FromSeconds(10) };
        var cameras = Enumerable.Range(0, 3).Select(i => TestCluster.NewCameraId($"ratio{i}")).ToArray();

        await cluster.RegisterAsync(cameras[0], Violet, Profile);
        var one = await RatioAsync(cluster, http, "one camera: demand on the t4 pool, below the scale-out target", r => r is > 0.2 and < TargetRatio);

        await cluster.RegisterAsync(cameras[1], Violet, Profile);
        await cluster.RegisterAsync(cameras[2], Violet, Profile);
        var three = await RatioAsync(cluster, http, "three cameras: demand above the t4 pool's capacity", r => r > 1.2);
        Assert.True(three > 2 * one, $"three cameras read {three}, one camera {one}");

        // The figure KEDA reads is the ledger's, as `cluster status --json` reports it, with the device's capacity.
        var status = (await cluster.CliOkAsync("cluster", "status", "--json")).Json<ClusterStatus>();
        var t4 = status.Pools.Single(p => p.Pool == "t4");
        Assert.InRange(t4.Capacity, 5, 15);
        Assert.True(t4.DemandRatio > 1, $"cluster status reads a t4 demand ratio of {t4.DemandRatio}");
        Assert.True(status.Overloaded, "three cameras on one 10 windows/s silo should overload it");

        // Scale-in: with the extra cameras gone the ratio falls back under the target.
        await cluster.RemoveQuietlyAsync(cameras[1], cameras[2]);
        await RatioAsync(cluster, http, "the extra cameras removed: demand back under the scale-out target", r => r is > 0 and < TargetRatio);
    }

    private static async Task<double> RatioAsync(TestCluster cluster, HttpClient http, string what, Func<double, bool> done)
    {
        var scrape = await DrillWait.UntilAsync(
            $"{Metric}{{pool=\"t4\"}} on the silo's /metrics: {what}",
            TestCluster.Patience,
            () => PrometheusScrape.ReadAsync(http),
            m => m.Value(Metric, ("pool", "t4")) is { } ratio && done(ratio),
            cluster.Diagnostics);
        return scrape.Value(Metric, ("pool", "t4"))!.Value;
    }
}
