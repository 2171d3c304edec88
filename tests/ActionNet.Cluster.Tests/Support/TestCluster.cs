using System.Collections.Concurrent;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Drills;
using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// A real cluster for the tests: Azurite and one silo process per accelerator label (LocalClusterHost,
/// Azure Table membership, a fresh cluster id), the probe model configured as two profiles, solid-colour
/// videos on demand, the tests' own Orleans client and the real CLI pointed at the running gateways.
/// Disposing stops every process it started and deletes its folder.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    /// <summary>A profile any silo may score (stride 4, so a 25 fps camera yields about 6 windows per second).</summary>
    public const string AnyProfile = "probe";

    /// <summary>The same model, allowed only on silos labelled <c>t4</c>.</summary>
    public const string T4Profile = "probe-t4";

    /// <summary>Longest wait for anything the cluster does (events, status changes, recovery).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<SolidColour, string> videos = new();

    private TestCluster(string folder, LocalClusterHost host, DrillClient client)
    {
        Folder = folder;
        Host = host;
        Client = client;
    }

    /// <summary>The cluster's processes.</summary>
    public LocalClusterHost Host { get; }

    /// <summary>The tests' Orleans client (replaced by <see cref="ReconnectAsync"/>).</summary>
    public DrillClient Client { get; private set; }

    /// <summary>The grain factory of <see cref="Client"/>.</summary>
    public IClusterClient Grains => Client.Grains;

    /// <summary>Where the model, the videos, the logs and Azurite's data live.</summary>
    public string Folder { get; }

    /// <summary>
    /// Starts Azurite and one silo per label in <paramref name="accelerators"/> with the <see cref="AnyProfile"/> and
    /// <see cref="T4Profile"/> profiles, then connects the test client.
    /// </summary>
    public static Task<TestCluster> StartAsync(string name, params string[] accelerators) =>
        StartAsync(name, DefaultProfiles, new Dictionary<string, string?>(), accelerators);

    /// <summary>
    /// As <see cref="StartAsync(string, string[])"/>, with <paramref name="settings"/> (silo environment variables such
    /// as <c>ActionNet__Alerts__WebhookSecret</c>) on top of the tests' own.
    /// </summary>
    public static Task<TestCluster> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, params string[] accelerators) =>
        StartAsync(name, DefaultProfiles, settings, accelerators);

    /// <summary>
    /// Starts Azurite and one silo per label in <paramref name="accelerators"/> with the profiles <paramref name="profiles"/>
    /// makes from the probe model's path (e.g. one of a fixed capacity), then connects the test client.
    /// </summary>
    public static Task<TestCluster> StartAsync(string name, Func<string, ModelProfileSpec[]> profiles, params string[] accelerators) =>
        StartAsync(name, profiles, new Dictionary<string, string?>(), accelerators);

    /// <summary>Starts a cluster with <paramref name="profiles"/> and <paramref name="settings"/>, then connects the test client.</summary>
    public static async Task<TestCluster> StartAsync(string name, Func<string, ModelProfileSpec[]> profiles, IReadOnlyDictionary<string, string?> settings, params string[] accelerators)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Path.Combine(RepositoryLayout.WorkFolder("cluster-tests"), $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(folder);
        var model = ProbeModel.Write(folder);
        var environment = new Dictionary<string, string?>
        {
            // CPU only: no time spent probing TensorRT and CUDA; a failed inference call is retried after 1 s.
            ["Inference__Providers__0"] = "Cpu",
            ["ActionNet__Ingest__RetrySeconds"] = "1",

            // Tests wait for stored labels: flush the journal to storage every second (production: 15 s).
            ["ActionNet__Aggregation__FlushIntervalMs"] = "1000",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var host = await LocalClusterHost.StartAsync(Path.Combine(folder, "cluster"), accelerators, profiles(model), environment);
        try
        {
            var client = await DrillClient.ConnectAsync(host.Gateways, host.ClusterId);
            return new TestCluster(folder, host, client);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static ModelProfileSpec[] DefaultProfiles(string model) =>
    [
        new(AnyProfile, model, [], Stride: 4, MaxBatch: 8, MaxWaitMs: 10),
        new(T4Profile, model, ["t4"], Stride: 4, MaxBatch: 8, MaxWaitMs: 10),
    ];

    /// <summary>The running silo labelled <paramref name="accelerator"/> (the last started when several).</summary>
    public SiloProcess Silo(string accelerator) =>
        Host.Silos.LastOrDefault(s => s.IsRunning && s.Accelerator == accelerator)
            ?? throw new InvalidOperationException($"no running {accelerator} silo; silos: {string.Join(", ", Host.Silos.Select(s => $"{s.Name} (running: {s.IsRunning})"))}");

    /// <summary>A fresh camera id for one test: <paramref name="prefix"/> and a random suffix.</summary>
    public static string NewCameraId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A looping video of <paramref name="colour"/>, written once per cluster.</summary>
    public string Video(SolidColour colour) =>
        videos.GetOrAdd(colour, c => c.WriteVideo(Path.Combine(Folder, $"solid-{c.Red}-{c.Green}-{c.Blue}.mp4")));

    /// <summary>Registers <paramref name="cameraId"/> reading a looped video of <paramref name="colour"/> through the test client.</summary>
    public Task RegisterAsync(string cameraId, SolidColour colour, string profile = AnyProfile) =>
        Grains.GetGrain<ICameraGrain>(cameraId).RegisterAsync(new CameraRegistration { Source = Video(colour), Loop = true, ModelProfile = profile });

    /// <summary>Removes cameras at the end of a test so they stop loading the shared silos; failures are ignored.</summary>
    public async Task RemoveQuietlyAsync(params string[] cameraIds)
    {
        foreach (var id in cameraIds)
        {
            try
            {
                await Grains.GetGrain<ICameraGrain>(id).RemoveAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // Clean-up only: the cluster is disposed with the fixture anyway.
            }
        }
    }

    /// <summary>Every stored event of <paramref name="cameraId"/>, through the history grain, earliest first.</summary>
    public async Task<ActionEvent[]> HistoryAsync(string cameraId)
    {
        var history = Grains.GetGrain<IHistoryGrain>("history");
        var all = HistoryPages.ToListAsync(new HistoryQuery { Cameras = [cameraId], Limit = HistoryQueryRules.MaxLimit }, history.QueryAsync);
        return [.. await all.WaitAsync(TimeSpan.FromSeconds(20))];
    }

    /// <summary>Every gap (outage) recorded for <paramref name="cameraId"/>.</summary>
    public async Task<HistoryGap[]> GapsAsync(string cameraId)
    {
        var history = Grains.GetGrain<IHistoryGrain>("history");
        return [.. await HistoryPages.ToListAsync(new HistoryQuery { Cameras = [cameraId], Limit = HistoryQueryRules.MaxLimit }, history.GapsAsync).WaitAsync(TimeSpan.FromSeconds(20))];
    }

    /// <summary>Polls the cluster status until <paramref name="done"/> holds, within <paramref name="timeout"/> (default <see cref="Patience"/>).</summary>
    public Task<ClusterStatus> WaitForClusterAsync(string what, Func<ClusterStatus, bool> done, TimeSpan? timeout = null) =>
        DrillWait.UntilAsync(what, timeout ?? Patience, () => Grains.GetGrain<IClusterStatusGrain>(0).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(10)), done, Diagnostics);

    /// <summary>Every event line of <paramref name="cameraId"/> as stored in Blob storage, duplicates included.</summary>
    public Task<IReadOnlyList<ActionEvent>> StoredEventsAsync(string cameraId) => StoredEvents.ReadAsync(Host.Storage.ConnectionString, cameraId);

    /// <summary>Polls the history of <paramref name="cameraId"/> until <paramref name="done"/> holds.</summary>
    public Task<ActionEvent[]> WaitForHistoryAsync(string cameraId, string what, Func<ActionEvent[], bool> done) =>
        DrillWait.UntilAsync($"{what} (camera {cameraId})", Patience, () => HistoryAsync(cameraId), done, Diagnostics);

    /// <summary>Polls the status of <paramref name="cameraId"/> until <paramref name="done"/> holds.</summary>
    public Task<CameraStatus> WaitForStatusAsync(string cameraId, string what, Func<CameraStatus, bool> done) =>
        DrillWait.UntilAsync($"{what} (camera {cameraId})", Patience, () => Grains.GetGrain<ICameraGrain>(cameraId).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(10)), done, Diagnostics);

    /// <summary>Runs the real CLI with <paramref name="arguments"/> against this cluster's running gateways.</summary>
    public Task<CliRun> CliAsync(params string[] arguments) =>
        CliProcess.RunAsync([.. arguments, "--gateway", Host.Gateways, "--cluster-id", Host.ClusterId, "--service-id", Host.ClusterId]);

    /// <summary>Runs the CLI and fails with the run and the cluster's diagnostics unless it exits with 0.</summary>
    public async Task<CliRun> CliOkAsync(params string[] arguments)
    {
        var run = await CliAsync(arguments);
        Assert.True(run.ExitCode == 0, $"{run}\n{Diagnostics()}");
        return run;
    }

    /// <summary>Replaces the test client with one connected to the gateways running now (after silos were replaced).</summary>
    public async Task ReconnectAsync()
    {
        await Client.DisposeAsync();
        Client = await DrillClient.ConnectAsync(Host.Gateways, Host.ClusterId);
    }

    /// <summary>The tail of every silo's log, for failure messages.</summary>
    public string Diagnostics() => Host.Diagnostics();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
        if (Environment.GetEnvironmentVariable("ACTIONNET_KEEP_TEST_CLUSTERS") != "1")
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A log still being flushed; the folder is under the ignored .work/ and the next run does not need it.
            }
        }
    }
}
