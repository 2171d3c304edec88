using ActionNet.Client;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Cluster;
using ActionNet.LocalCluster;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Runs N generated cameras through a real local cluster (Azurite + one silo process) and measures what
/// reaches the label history. Cameras are offered more windows than raw ONNX Runtime can score (by the
/// overload factor), so the pipeline is inference-bound: a perfect pipeline would persist as many windows
/// per second as raw ONNX Runtime scores, with the model busy all the time. Raw and pipeline phases are
/// interleaved, A B A B (the cameras are disabled while raw ONNX Runtime runs), so a machine that gets
/// busier or quieter during the run does not bias the ratio.
/// </summary>
public static class ClusterBenchmark
{
    private const string Profile = "bench";
    /// <summary>Measures one camera count; <paramref name="measureRaw"/> times raw ONNX Runtime at the matching batch (windows per second).</summary>
    public static async Task<ClusterBenchResult> RunAsync(
        string modelPath,
        int cameras,
        int stride,
        int maxBatch,
        Func<double> measureRaw,
        double overload,
        TimeSpan warmup,
        TimeSpan measure,
        string workFolder,
        Action<string> status,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(measureRaw);
        status($"{cameras} camera(s): raw ONNX Runtime (A)");
        var raw = new List<double> { measureRaw() };
        var offered = raw[0] * overload;
        // Whole frames per second: MPEG-4 cannot store a fractional frame rate.
        var fps = Math.Max(1, Math.Round(offered * stride / cameras));
        var video = Path.Combine(workFolder, $"bench-{cameras}.mp4");
        SyntheticVideo.Write(video, "walk", frames: 200, width: 320, height: 240, fps: fps);

        status($"{cameras} camera(s): starting Azurite and a silo");
        await using var cluster = await LocalClusterHost.StartAsync(
            Path.Combine(workFolder, $"cluster-{cameras}"),
            ["cpu"],
            [new ModelProfileSpec(Profile, modelPath, [], Stride: stride, MaxBatch: maxBatch)],
            cancellationToken: cancellationToken);
        await using var connection = await GatewayClusterSession.ConnectAsync(ClusterEndpoint.Local(cluster.Gateways, cluster.ClusterId), cancellationToken);
        var client = connection.Client;
        var ids = Enumerable.Range(0, cameras).Select(i => $"bench-{i}").ToArray();
        var ledger = client.GetGrain<IClusterStatusGrain>(0);
        var pipeline = new List<(double WindowsPerSecond, double Utilisation, long Dropped, double[] Latencies, int Events)>();
        for (var round = 0; round < 2; round++)
        {
            if (round > 0)
            {
                status($"{cameras} camera(s): cameras paused, raw ONNX Runtime (A)");
                await SetEnabledAsync(client, ids, video, enabled: false);
                raw.Add(measureRaw());
            }

            await SetEnabledAsync(client, ids, video, enabled: true);
            status($"{cameras} camera(s) at {fps:F1} fps each: waiting for every camera's first label, then {warmup.TotalSeconds:F0} s warm-up");
            await WaitForFirstLabelsAsync(client, ids, TimeSpan.FromMinutes(3), cancellationToken);
            await Task.Delay(warmup, cancellationToken);
            status($"{cameras} camera(s): measuring the pipeline for {measure.TotalSeconds:F0} s (B)");
            pipeline.Add(await MeasurePipelineAsync(client, ledger, ids, measure, cancellationToken));
        }

        var resident = cluster.Silos[0].ResidentBytes() / (1024.0 * 1024.0);
        var latencies = pipeline.SelectMany(p => p.Latencies).Order().ToArray();
        return new ClusterBenchResult(
            cameras,
            offered,
            Math.Min(cameras, maxBatch),
            raw.Average(),
            pipeline.Average(p => p.WindowsPerSecond),
            Percentiles.Of(latencies, 0.50),
            Percentiles.Of(latencies, 0.95),
            Percentiles.Of(latencies, 0.99),
            pipeline.Sum(p => p.Dropped),
            resident,
            pipeline.Sum(p => p.Events))
        {
            Utilisation = Math.Round(pipeline.Average(p => p.Utilisation), 3),
        };
    }

    private static async Task<(double WindowsPerSecond, double Utilisation, long Dropped, double[] Latencies, int Events)> MeasurePipelineAsync(
        IClusterClient client, IClusterStatusGrain ledger, string[] ids, TimeSpan measure, CancellationToken cancellationToken)
    {
        var droppedBefore = await DroppedAsync(client, ids);
        var from = DateTimeOffset.UtcNow;
        var utilisation = new List<double>();
        while (DateTimeOffset.UtcNow - from < measure)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            utilisation.AddRange((await ledger.GetStatusAsync()).Silos.Where(s => s.ReportedAt > from).Select(s => s.Utilisation));
        }

        var to = DateTimeOffset.UtcNow;
        var dropped = await DroppedAsync(client, ids) - droppedBefore;

        // Events whose window ended inside the interval may still sit in an aggregator's journal; one flush (15 s) later they are stored.
        await Task.Delay(TimeSpan.FromSeconds(18), cancellationToken);
        var history = client.GetGrain<IHistoryGrain>("bench");
        var events = (await HistoryPages.ToListAsync(new HistoryQuery { Cameras = ids, From = from, To = to, Limit = HistoryQueryRules.MaxLimit }, history.QueryAsync, cancellationToken)).ToArray();
        var latencies = events.Select(e => (e.StoredAt - e.End).TotalMilliseconds).ToArray();
        return (events.Length / (to - from).TotalSeconds, utilisation.Count == 0 ? 0 : utilisation.Average(), dropped, latencies, events.Length);
    }

    private static async Task SetEnabledAsync(IClusterClient client, string[] ids, string video, bool enabled)
    {
        foreach (var id in ids)
        {
            await client.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = Profile, Enabled = enabled });
        }
    }

    private static async Task WaitForFirstLabelsAsync(IClusterClient client, string[] ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var statuses = await Task.WhenAll(ids.Select(id => client.GetGrain<ICameraGrain>(id).GetStatusAsync()));
            if (statuses.All(s => s.WindowsScored > 0))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var stuck = statuses.First(s => s.WindowsScored == 0);
                throw new InvalidOperationException($"camera {stuck.CameraId} scored no window within {timeout.TotalSeconds:F0} s (state {stuck.State}: {stuck.LastError ?? "no error"})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private static async Task<long> DroppedAsync(IClusterClient client, string[] ids) =>
        (await Task.WhenAll(ids.Select(id => client.GetGrain<ICameraGrain>(id).GetStatusAsync()))).Sum(s => s.WindowsDropped);
}
