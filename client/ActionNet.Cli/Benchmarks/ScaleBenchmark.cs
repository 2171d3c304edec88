using ActionNet.Client;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Cli.Cluster;
using ActionNet.LocalCluster;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Scale-out on one machine: N accelerator silo processes (label t4) whose scorers are paced to a fixed
/// device capacity (<c>EmulatedDeviceMsPerWindow</c>: the real model runs, then each batch is held until a
/// fixed time per window has passed), so that capacity, not this machine's cores, is the limit. The cluster
/// is offered 1.2x its capacity in cameras. Measures throughput, bytes sent between silos per window and
/// the camera spread; then one silo joins (time to rebalance) and one is SIGKILLed (time to recover).
/// </summary>
public static class ScaleBenchmark
{
    private const string Profile = "bench";
    private const int Stride = 4;
    private const double Fps = 25;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="silos"/> silos; <paramref name="modelPath"/> is scored on each, paced to <paramref name="deviceMsPerWindow"/>.</summary>
    public static async Task<ScaleBenchResult> RunAsync(
        string modelPath,
        int silos,
        double deviceMsPerWindow,
        double overload,
        TimeSpan measure,
        string workFolder,
        Action<string> status,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var perSilo = 1000 / deviceMsPerWindow;
        var capacity = silos * perSilo;
        var cameras = (int)Math.Ceiling(overload * capacity * Stride / Fps);
        var video = Path.Combine(workFolder, "scale.mp4");
        if (!File.Exists(video))
        {
            SyntheticVideo.Write(video, "walk", frames: 100, width: 64, height: 48, fps: Fps);
        }

        status($"{silos} silo(s): starting Azurite and {silos} t4 silo(s) paced to {deviceMsPerWindow} ms per window ({perSilo:F1} windows/s each)");
        var environment = new Dictionary<string, string?>
        {
            ["Inference__Providers__0"] = "Cpu",
            ["ActionNet__Ingest__RetrySeconds"] = "1",
            [$"ActionNet__Profiles__{Profile}__EmulatedDeviceMsPerWindow"] = $"{deviceMsPerWindow}",
            [$"ActionNet__Profiles__{Profile}__Capacity"] = $"{perSilo}",
        };
        await using var cluster = await LocalClusterHost.StartAsync(
            Path.Combine(workFolder, $"cluster-{silos}"),
            [.. Enumerable.Repeat("t4", silos)],
            [new ModelProfileSpec(Profile, modelPath, ["t4"], Stride: Stride, MaxBatch: 8)],
            environment,
            cancellationToken);
        await using var connection = await GatewayClusterSession.ConnectAsync(ClusterEndpoint.Local(cluster.Gateways, cluster.ClusterId), cancellationToken);
        var client = connection.Client;
        var ledger = client.GetGrain<IClusterStatusGrain>(0);
        var ids = Enumerable.Range(0, cameras).Select(i => $"scale-{i}").ToArray();
        foreach (var id in ids)
        {
            await client.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = Profile });
        }

        status($"{silos} silo(s): {cameras} cameras at {Fps} fps, stride {Stride} ({cameras * Fps / Stride:F0} windows/s offered); waiting until all run, then 10 s warm-up");
        await UntilAsync(ledger, s => s.ActiveCameras == cameras && s.Silos.Length == silos, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);

        status($"{silos} silo(s): measuring for {measure.TotalSeconds:F0} s");
        var before = await ledger.GetStatusAsync();
        var samples = new List<ClusterStatus>();
        var end = DateTimeOffset.UtcNow + measure;
        while (DateTimeOffset.UtcNow < end)
        {
            await Task.Delay(SiloReportInterval, cancellationToken);
            samples.Add(await ledger.GetStatusAsync());
        }

        var last = samples[^1];
        var scored = samples.Average(s => s.WindowsPerSecond);
        var bytes = samples.SelectMany(s => s.Silos).Where(s => s.WindowsPerSecond > 0).ToArray();
        var spread = new CameraSpread(last.Silos.Min(s => s.ActiveCameras), last.Silos.Max(s => s.ActiveCameras));
        var drops = new WindowDrops
        {
            Overload = last.Drops.Overload - before.Drops.Overload,
            NoAccelerator = last.Drops.NoAccelerator - before.Drops.NoAccelerator,
            Failed = last.Drops.Failed - before.Drops.Failed,
            Unrecorded = last.Drops.Unrecorded - before.Drops.Unrecorded,
        };

        status($"{silos} silo(s): one more t4 silo joins");
        var joinedAt = DateTimeOffset.UtcNow;
        await cluster.AddSiloAsync("t4", cancellationToken: cancellationToken);
        var rebalance = await SecondsUntilAsync(ledger, joinedAt, s => s.Silos.Length == silos + 1 && s.ActiveCameras == cameras && s.Silos.All(x => Math.Abs(x.ActiveCameras - ((double)cameras / (silos + 1))) <= 1), cancellationToken);

        status($"{silos} silo(s): SIGKILL one silo");
        var current = await ledger.GetStatusAsync();
        // Not the first silo: it is the benchmark client's gateway.
        var victim = cluster.Silos.Skip(1).Where(s => s.IsRunning).OrderByDescending(s => current.Silos.Where(x => x.Host == s.Name).Sum(x => x.ActiveCameras)).First();
        var orphans = current.Silos.Where(s => s.Host == victim.Name).SelectMany(s => s.Cameras).Select(c => c.CameraId).ToHashSet(StringComparer.Ordinal);
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        var recovery = await SecondsUntilAsync(ledger, killedAt, s => orphans.All(o => s.Silos.Any(x => x.Host != victim.Name && x.ReportedAt > killedAt && x.Cameras.Any(c => c.CameraId == o && c.Demand > 0))), cancellationToken);

        return new ScaleBenchResult(
            silos,
            cameras,
            capacity,
            Math.Round(samples.Average(s => s.Demand), 2),
            Math.Round(scored, 2),
            null,
            Math.Round(samples.SelectMany(s => s.Silos).Average(s => s.Utilisation), 3),
            bytes.Length == 0 ? 0 : Math.Round(bytes.Sum(s => s.SentBytesPerWindow * s.WindowsPerSecond) / bytes.Sum(s => s.WindowsPerSecond), 1),
            spread,
            drops,
            rebalance,
            recovery);
    }

    private static readonly TimeSpan SiloReportInterval = TimeSpan.FromSeconds(5);

    private static async Task UntilAsync(IClusterStatusGrain ledger, Func<ClusterStatus, bool> done, CancellationToken cancellationToken)
    {
        if (await SecondsUntilAsync(ledger, DateTimeOffset.UtcNow, done, cancellationToken) is null)
        {
            var status = await ledger.GetStatusAsync();
            throw new InvalidOperationException($"the cluster did not settle within {Limit.TotalSeconds:F0} s: {status.ActiveCameras} camera(s) active on {status.Silos.Length} silo(s)");
        }
    }

    private static async Task<double?> SecondsUntilAsync(IClusterStatusGrain ledger, DateTimeOffset since, Func<ClusterStatus, bool> done, CancellationToken cancellationToken)
    {
        while (DateTimeOffset.UtcNow - since < Limit)
        {
            try
            {
                if (done(await ledger.GetStatusAsync()))
                {
                    return Math.Round((DateTimeOffset.UtcNow - since).TotalSeconds, 1);
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The status grain lived on a killed silo: the next call reaches its new activation.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return null;
    }
}
