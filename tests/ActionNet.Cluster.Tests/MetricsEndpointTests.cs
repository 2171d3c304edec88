using System.Net;
using ActionNet.Abstractions.Cluster;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests;

/// <summary>Each silo serves /healthz, /readyz and /metrics (Prometheus text) on its HTTP port.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class MetricsEndpointTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Amber = new(230, 160, 20);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ASiloIsLiveAndReadyAndItsMetricsShowActionNetAndOrleansInstrumentsThatMoveWhileACameraRuns()
    {
        var camera = TestCluster.NewCameraId("metrics");
        var silo = Cluster.Silo("t4");
        using var http = Http(silo);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            await DrillWait.UntilAsync("/readyz answering 200 on the t4 silo", TestCluster.Patience, () => StatusOfAsync(http, "/readyz"), s => s == HttpStatusCode.OK, Cluster.Diagnostics);

            // The t4-only profile pins the camera to this silo, so its frames and windows are this silo's.
            await Cluster.RegisterAsync(camera, Amber, TestCluster.T4Profile);
            var first = await DrillWait.UntilAsync(
                "frames, scored windows and inference batches on the t4 silo's /metrics",
                TestCluster.Patience,
                () => PrometheusScrape.ReadAsync(http),
                m => m.Value("actionnet_frames_received_total") > 0 && m.Value("actionnet_windows_scored_total") > 0
                    && m.Value("actionnet_inference_batch_size_count", ("profile", TestCluster.T4Profile)) > 0,
                Cluster.Diagnostics);
            // The queue depth and utilisation come with the silo's next report (every 5 s) after the model loaded.
            var second = await DrillWait.UntilAsync(
                "more frames and windows on a later scrape, and the scorer's figures of a silo report",
                TestCluster.Patience,
                () => PrometheusScrape.ReadAsync(http),
                m => m.Value("actionnet_frames_received_total") > first.Value("actionnet_frames_received_total")
                    && m.Value("actionnet_windows_emitted_total") > first.Value("actionnet_windows_emitted_total")
                    && m.Value("actionnet_scorer_queue_depth", ("profile", TestCluster.T4Profile)) is not null,
                Cluster.Diagnostics);

            string[] actionNet =
            [
                "actionnet_frames_received_total", "actionnet_windows_emitted_total", "actionnet_windows_scored_total",
                "actionnet_windows_dropped_total", "actionnet_camera_reconnects_total", "actionnet_history_records_waiting",
                "actionnet_inference_batch_size_bucket", "actionnet_inference_duration_seconds_bucket",
                "actionnet_storage_write_duration_seconds_bucket", "actionnet_scorer_queue_depth", "actionnet_model_utilisation",
                "actionnet_cluster_capacity_windows_per_second", "actionnet_cluster_demand_windows_per_second", "actionnet_cluster_demand_ratio",
            ];
            Assert.Empty(actionNet.Except(second.Names));
            Assert.Equal(["failed", "no_accelerator", "overload", "unrecorded"], second.LabelValues("actionnet_windows_dropped_total", "reason").Order(StringComparer.Ordinal));
            Assert.True(second.Value("actionnet_inference_duration_seconds_sum", ("profile", TestCluster.T4Profile)) > 0, second.Text);

            // Orleans' own meter comes through the same endpoint.
            Assert.True(second.Value("orleans_catalog_activations") > 0, second.Text);
            Assert.Contains("orleans_messaging_processing_dispatcher_received_total", second.Names);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task EverySilosClusterGaugesCarryEachPoolAndReadWhatClusterStatusReads()
    {
        var camera = TestCluster.NewCameraId("gauges");
        var silos = Cluster.Host.Silos.Where(s => s.IsRunning).ToArray();
        var clients = silos.Select(Http).ToArray();
        try
        {
            await Cluster.RegisterAsync(camera, Amber, TestCluster.T4Profile);

            // Each silo reads the ledger right after its own report, so between two reports the CLI reads the same
            // figures as the silo that reported last: poll until one CLI answer equals one silo's gauges.
            ClusterStatus? status = null;
            await DrillWait.UntilAsync(
                "a cluster status --json whose pools (t4 with demand) equal one silo's cluster gauges",
                TestCluster.Patience,
                async () =>
                {
                    status = (await Cluster.CliOkAsync("cluster", "status", "--json")).Json<ClusterStatus>();
                    return await Task.WhenAll(clients.Select(PrometheusScrape.ReadAsync));
                },
                scrapes => status!.Pools.Any(p => p.Pool == "t4" && p.Demand > 0) && scrapes.Any(m => Matches(m, status!.Pools)),
                Cluster.Diagnostics);

            Assert.Equal(["cpu", "t4"], status!.Pools.Select(p => p.Pool));
            foreach (var client in clients)
            {
                var scrape = await PrometheusScrape.ReadAsync(client);
                Assert.Equal(["cpu", "t4"], scrape.LabelValues("actionnet_cluster_demand_ratio", "pool").Order(StringComparer.Ordinal));
                Assert.Equal(["cpu", "t4"], scrape.LabelValues("actionnet_cluster_capacity_windows_per_second", "pool").Order(StringComparer.Ordinal));
            }

            var t4 = status.Pools.Single(p => p.Pool == "t4");
            Assert.True(t4.Capacity > 0, $"t4 capacity {t4.Capacity}");
            Assert.Equal(Math.Round(t4.Demand / t4.Capacity, 3), t4.DemandRatio);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    private static bool Matches(PrometheusScrape scrape, PoolLoad[] pools) =>
        pools.Length > 0 && pools.All(p =>
            Same(scrape.Value("actionnet_cluster_capacity_windows_per_second", ("pool", p.Pool)), p.Capacity)
            && Same(scrape.Value("actionnet_cluster_demand_windows_per_second", ("pool", p.Pool)), p.Demand)
            && Same(scrape.Value("actionnet_cluster_demand_ratio", ("pool", p.Pool)), p.DemandRatio));

    private static bool Same(double? gauge, double ledger) => gauge is { } value && Math.Abs(value - ledger) < 1e-9;

    private static HttpClient Http(SiloProcess silo) => new() { BaseAddress = silo.HttpAddress, Timeout = TimeSpan.FromSeconds(10) };

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
