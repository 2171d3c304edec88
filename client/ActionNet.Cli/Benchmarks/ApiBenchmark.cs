using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Cluster;
using ActionNet.Client;
using ActionNet.Drills;
using ActionNet.LocalCluster;
using ActionNet.Onnx;
using ActionNet.Storage.Keys;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// <c>actionnet bench api</c>: a local cluster (Azurite, one silo) with cameras labelling through a tiny model, an
/// API host process, and clients on this machine: history pages and camera status under closed-loop load, and
/// server-sent events fanned out to many subscribers, timed from each event's persisting to its reading.
/// Server and clients share this machine's cores, which the figures include.
/// </summary>
public static class ApiBenchmark
{
    private const string Profile = "bench";

    /// <summary>Runs the benchmark.</summary>
    public static async Task<ApiBenchResult> RunAsync(int cameras, int[] clientCounts, int subscribers, TimeSpan measure, string workFolder, Action<string> status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(clientCounts);
        Directory.CreateDirectory(workFolder);
        var model = ModelGenerator.Write(ModelPresets.Get("tiny-2d-rgb"), Path.Combine(workFolder, "tiny-2d-rgb.onnx")).OnnxPath;
        var video = Path.Combine(workFolder, "walk.mp4");
        SyntheticVideo.Write(video, "walk", frames: 120, width: 320, height: 240, fps: 25);

        status($"starting Azurite, a silo and the API host with {cameras} cameras");
        await using var cluster = await LocalClusterHost.StartAsync(
            Path.Combine(workFolder, "cluster"),
            ["cpu"],
            [new ModelProfileSpec(Profile, model, [], Stride: 8, MaxBatch: 8)],
            new Dictionary<string, string?> { ["Inference__Providers__0"] = "Cpu" },
            cancellationToken);
        var api = await cluster.StartApiAsync(environment: new Dictionary<string, string?>
        {
            // The limits are per key; the benchmark measures the host, not its rate limiter.
            ["ActionNet__Api__RequestsPerSecond"] = "1000000",
            ["ActionNet__Api__Burst"] = "1000000",
        }, cancellationToken: cancellationToken);
        var (_, key) = await new ApiKeyStore(cluster.Storage.ConnectionString).CreateAsync(ApiRole.Viewer, "bench", CameraScope.All, cancellationToken);
        await using var connection = await GatewayClusterSession.ConnectAsync(ClusterEndpoint.Local(cluster.Gateways, cluster.ClusterId), cancellationToken);
        var ids = Enumerable.Range(0, cameras).Select(i => $"bench-{i}").ToArray();
        foreach (var id in ids)
        {
            await connection.Client.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = Profile });
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        status("waiting for 100 stored labels, so a history page is full");
        var history = connection.Client.GetGrain<IHistoryGrain>("bench");
        await DrillWait.UntilAsync("100 stored labels", TimeSpan.FromMinutes(3), () => history.QueryAsync(new HistoryQuery { Limit = 100 }), p => p.Items.Length == 100, cancellationToken: cancellationToken);

        var pages = new List<ApiLoadResult>();
        foreach (var clients in clientCounts)
        {
            status($"history page of 100 rows, {clients} concurrent client(s), {measure.TotalSeconds:F0} s");
            pages.Add(await LoadAsync(http, "/api/v1/history?limit=100", clients, measure, cancellationToken));
        }

        status($"camera status, 8 concurrent clients, {measure.TotalSeconds:F0} s");
        var statusLoad = await LoadAsync(http, $"/api/v1/cameras/{ids[0]}", 8, measure, cancellationToken);
        status($"server-sent events to {subscribers} subscribers, {measure.TotalSeconds:F0} s");
        var sse = await FanOutAsync(http, subscribers, measure, cancellationToken);
        return new ApiBenchResult(cameras, [.. pages], statusLoad, sse);
    }

    private static async Task<ApiLoadResult> LoadAsync(HttpClient http, string path, int clients, TimeSpan measure, CancellationToken cancellationToken)
    {
        var uri = new Uri(path, UriKind.Relative);

        // One untimed request per client first: connections open and the route's first call is paid for.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var response = await http.GetAsync(uri, cancellationToken);
        }));
        var latencies = new List<double>[clients];
        var failures = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            while (clock.Elapsed < measure)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(uri, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else if (Interlocked.Increment(ref failures) == 1)
                {
                    firstFailure = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new ApiLoadResult(clients, all.Length, failures, seconds, all.Length / seconds, Percentiles.Of(all, 0.5), Percentiles.Of(all, 0.99), firstFailure);
    }

    private static async Task<SseFanOutResult> FanOutAsync(HttpClient http, int subscribers, TimeSpan measure, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var latencies = new List<double>[subscribers];
        var streams = new List<Task>();
        var connected = 0;
        for (var s = 0; s < subscribers; s++)
        {
            var index = s;
            latencies[index] = [];
            streams.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("/api/v1/events/live", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stop.Token);
                    response.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref connected);
                    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                    var label = false;
                    while (await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        if (line.StartsWith("event: ", StringComparison.Ordinal))
                        {
                            label = line == "event: label";
                        }
                        else if (label && line.StartsWith("data: ", StringComparison.Ordinal))
                        {
                            var received = DateTimeOffset.UtcNow;
                            using var json = JsonDocument.Parse(line.AsMemory("data: ".Length));
                            var persisted = json.RootElement.GetProperty("event").GetProperty("storedAt").GetDateTimeOffset();
                            latencies[index].Add((received - persisted).TotalMilliseconds);
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The measurement ended.
                }
            }, CancellationToken.None));
        }

        await DrillWait.UntilAsync($"{subscribers} subscribers connected", TimeSpan.FromMinutes(1), () => Task.FromResult(Volatile.Read(ref connected)), n => n == subscribers, cancellationToken: cancellationToken);
        await Task.Delay(measure, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(streams);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new SseFanOutResult(subscribers, all.Length, Percentiles.Of(all, 0.5), Percentiles.Of(all, 0.99), all.Length == 0 ? 0 : all[^1]);
    }
}
