using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.LocalCluster;
using ActionNet.Onnx;
using ActionNet.Storage;

namespace ActionNet.Drills;

/// <summary>
/// The cluster a drill runs against: a <see cref="LocalClusterHost"/> (Azurite and silo processes, Azure
/// Table membership) with a tiny generated model as the <see cref="Profile"/> profile, the drill's own
/// Orleans client, small test videos, and direct reads of the label history in storage (so history can be
/// checked while silos are down, and duplicates seen blob by blob). Disposing stops every process it started.
/// </summary>
public sealed class DrillCluster : IAsyncDisposable
{
    /// <summary>The model profile cameras use: tiny 2D RGB model, T=8 at 32x32, stride 4, any accelerator.</summary>
    public const string Profile = "drill";

    private DrillCluster(string folder, LocalClusterHost host, DrillClient client, DrillOptions options)
    {
        Folder = folder;
        Host = host;
        Client = client;
        Options = options;
        Media = new GeneratedMedia(Path.Combine(folder, "media"));
        History = LabelStore.Connect(new HistoryStorageOptions { ConnectionString = host.Storage.ConnectionString });
    }

    /// <summary>The drill's folder (cluster logs, Azurite data, media).</summary>
    public string Folder { get; }

    /// <summary>The cluster's processes.</summary>
    public LocalClusterHost Host { get; }

    /// <summary>The drill's Orleans client (replaced by <see cref="ReconnectAsync"/>).</summary>
    public DrillClient Client { get; private set; }

    /// <summary>The client's grain factory.</summary>
    public IClusterClient Grains => Client.Grains;

    /// <summary>The drill's options.</summary>
    public DrillOptions Options { get; }

    /// <summary>Test videos in the drill's folder.</summary>
    public GeneratedMedia Media { get; }

    /// <summary>The label history read straight from storage.</summary>
    public LabelStore History { get; }

    /// <summary>When the cluster started (history reads start a minute before).</summary>
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// Starts Azurite and <paramref name="silos"/> cpu silos configured for quick recovery (CPU inference,
    /// 1 s retries, the options' gap threshold and buffer bound) plus <paramref name="environment"/>.
    /// </summary>
    public static async Task<DrillCluster> StartAsync(string name, int silos, DrillOptions options, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.WorkFolder ?? RepositoryLayout.WorkFolder("drills");
        var folder = Path.Combine(root, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(folder);
        var model = ModelGenerator.Write(ModelPresets.Get("tiny-2d-rgb") with { Frames = 8, Height = 32, Width = 32 }, Path.Combine(folder, "tiny-2d-rgb.onnx")).OnnxPath;
        var settings = new Dictionary<string, string?>
        {
            // CPU only: no time spent probing TensorRT and CUDA.
            ["Inference__Providers__0"] = "Cpu",
            ["ActionNet__Ingest__RetrySeconds"] = "1",
            ["ActionNet__Aggregation__GapSeconds"] = $"{options.GapSeconds}",
            ["ActionNet__Aggregation__MaxBufferedEvents"] = $"{options.MaxBufferedEvents}",

            // Drills time recovery to the second: flush the journal to storage every second.
            ["ActionNet__Aggregation__FlushIntervalMs"] = "1000",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        options.Log($"{name}: starting Azurite and {silos} silo(s) in {folder}");
        var host = await LocalClusterHost.StartAsync(
            Path.Combine(folder, "cluster"),
            [.. Enumerable.Repeat("cpu", silos)],
            [new ModelProfileSpec(Profile, model, [], Stride: 4, MaxBatch: 8, MaxWaitMs: 10)],
            settings,
            cancellationToken);
        try
        {
            var client = await DrillClient.ConnectAsync(host.Gateways, host.ClusterId, cancellationToken);
            return new DrillCluster(folder, host, client, options);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Registers <paramref name="cameraId"/> reading <paramref name="source"/> with the drill profile.</summary>
    public Task RegisterAsync(string cameraId, string source, bool loop = true) =>
        Grains.GetGrain<ICameraGrain>(cameraId).RegisterAsync(new CameraRegistration { Source = source, Loop = loop, ModelProfile = Profile })
            .WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The status of <paramref name="cameraId"/> (activates the camera where it is not active).</summary>
    public Task<CameraStatus> StatusAsync(string cameraId) =>
        Grains.GetGrain<ICameraGrain>(cameraId).GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Stored events of <paramref name="cameraId"/> (each sequence once), earliest first.</summary>
    public async Task<IReadOnlyList<ActionEvent>> EventsAsync(string cameraId) =>
        await HistoryPages.ToListAsync(new HistoryQuery { Cameras = [cameraId], From = Started.AddMinutes(-1), Limit = HistoryQueryRules.MaxLimit }, q => History.QueryAsync(q));

    /// <summary>Gaps recorded for <paramref name="cameraId"/>, earliest first.</summary>
    public async Task<IReadOnlyList<HistoryGap>> GapsAsync(string cameraId) =>
        await HistoryPages.ToListAsync(new HistoryQuery { Cameras = [cameraId], From = Started.AddMinutes(-1), Limit = HistoryQueryRules.MaxLimit }, q => History.QueryGapsAsync(q));

    /// <summary>Every event line stored for <paramref name="cameraId"/>, blob by blob, duplicates included.</summary>
    public Task<IReadOnlyList<ActionEvent>> StoredEventsAsync(string cameraId) => StoredEvents.ReadAsync(Host.Storage.ConnectionString, cameraId);

    /// <summary>Polls the stored events of <paramref name="cameraId"/> until <paramref name="done"/> holds.</summary>
    public Task<IReadOnlyList<ActionEvent>> WaitForEventsAsync(string cameraId, string what, Func<IReadOnlyList<ActionEvent>, bool> done, TimeSpan? timeout = null) =>
        DrillWait.UntilAsync($"{what} (camera {cameraId})", timeout ?? Options.Patience, () => EventsAsync(cameraId), done, Diagnostics);

    /// <summary>Polls the status of <paramref name="cameraId"/> until <paramref name="done"/> holds.</summary>
    public Task<CameraStatus> WaitForStatusAsync(string cameraId, string what, Func<CameraStatus, bool> done, TimeSpan? timeout = null) =>
        DrillWait.UntilAsync($"{what} (camera {cameraId})", timeout ?? Options.Patience, () => StatusAsync(cameraId), done, Diagnostics);

    /// <summary>Replaces the client with one connected to the gateways running now (after silos were replaced).</summary>
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
        if (!Options.KeepFolders && Environment.GetEnvironmentVariable("ACTIONNET_KEEP_DRILLS") != "1")
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A log still being flushed; the folder is under the ignored .work/ and nothing needs it.
            }
        }
    }
}
