using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Cluster;
using ActionNet.LocalCluster;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Runs N generated cameras through a real local cluster (Azurite + one silo process) and measures what
/// reaches the label history. Cameras are offered more windows than raw ONNX Runtime can score (by the
/// overload factor), so the pipeline is inference-bound: a perfect pipeline would persist as many windows
/// per second as raw ONNX Runtime scores.
/// </summary>
public static class ClusterBenchmark
{
    private const string Profile = "bench";
    /// <summary>Measures one camera count; <paramref name="rawWindowsPerSecond"/> is raw ONNX Runtime's figure at the matching batch.</summary>
    public static async Task<ClusterBenchResult> RunAsync(
        string modelPath,
        int cameras,
        int stride,
        int maxBatch,
        double rawWindowsPerSecond,
        double overload,
        TimeSpan warmup,
        TimeSpan measure,
        string workFolder,
        Action<string> status,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var offered = rawWindowsPerSecond * overload;
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
        await using var connection = await ClusterConnection.ConnectAsync(new ClusterEndpoint("localhost", cluster.Gateways, null, cluster.ClusterId, cluster.ClusterId), cancellationToken);
        var client = connection.Client;
        var ids = Enumerable.Range(0, cameras).Select(i => $"bench-{i}").ToArray();
        foreach (var id in ids)
        {
            await client.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = Profile });
        }

        status($"{cameras} camera(s) at {fps:F1} fps each: waiting for every camera's first label, then {warmup.TotalSeconds:F0} s warm-up");
        await WaitForFirstLabelsAsync(client, ids, TimeSpan.FromMinutes(3), cancellationToken);
        await Task.Delay(warmup, cancellationToken);

        var droppedBefore = await DroppedAsync(client, ids);
        var from = DateTimeOffset.UtcNow;
        status($"{cameras} camera(s): measuring for {measure.TotalSeconds:F0} s");
        await Task.Delay(measure, cancellationToken);
        var to = DateTimeOffset.UtcNow;
        var dropped = await DroppedAsync(client, ids) - droppedBefore;
        var resident = cluster.Silos[0].ResidentBytes() / (1024.0 * 1024.0);

        // Events whose window ended inside the interval may still sit in an aggregator's journal; one flush (15 s) later they are stored.
        await Task.Delay(TimeSpan.FromSeconds(18), cancellationToken);
        var history = client.GetGrain<IHistoryGrain>("bench");
        var events = (await HistoryPages.ToListAsync(new HistoryQuery { Cameras = ids, From = from, To = to, Limit = HistoryQueryRules.MaxLimit }, history.QueryAsync, cancellationToken)).ToArray();
        var latencies = events.Select(e => (e.StoredAt - e.End).TotalMilliseconds).Order().ToArray();
        return new ClusterBenchResult(
            cameras,
            offered,
            Math.Min(cameras, maxBatch),
            rawWindowsPerSecond,
            events.Length / (to - from).TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            dropped,
            resident,
            events.Length);
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

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
