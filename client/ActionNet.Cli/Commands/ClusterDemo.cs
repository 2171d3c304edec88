using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using ActionNet.Client;
using ActionNet.LocalCluster;
using ActionNet.Onnx;
using ActionNet.Storage.Keys;
using ActionNet.Training;
using ActionNet.Vision.Synthetic;
using Orleans.Streams;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// The README's main job: start Azurite, a silo and the API host (with the web console), train (or reuse) the
/// synthetic demo model, render one held-out looping scene per action (data seeds the model never saw), register a
/// camera per scene, print the API's address and an admin key, show labels as they are persisted, then print a history query, time per label, and per camera the fraction
/// of windows whose label matches the scene's action. <c>--preset</c> serves a generated benchmark model
/// with random weights instead. Ctrl-C (or the end of <c>--seconds</c>) stops everything it started.
/// </summary>
public static class ClusterDemo
{
    private const string Profile = "demo";
    private const int DefaultApiPort = 8080;

    /// <summary>Adds the demo's options and action to <paramref name="command"/>.</summary>
    public static void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "work folder (models, videos, Azurite data, logs)", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".work", "demo")) };
        var preset = new Option<string?>("--preset") { Description = $"serve a generated benchmark model with random weights (e.g. tiny-2d-rgb) instead of the trained {DemoModelTrainer.ModelFileName}" };
        var seconds = new Option<double>("--seconds") { Description = "how long to show live labels", DefaultValueFactory = _ => 20 };
        var keep = new Option<bool>("--keep-running") { Description = "after the summary, keep the cluster and the API up until Ctrl-C (open the printed api: address in a browser)" };
        var apiPort = NumberOptions.Whole("--api-port", "the API's port on 127.0.0.1 (default 8080, or a free one when 8080 is taken)", 1, 65535);
        command.Options.Add(output);
        command.Options.Add(preset);
        command.Options.Add(seconds);
        command.Options.Add(keep);
        command.Options.Add(apiPort);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(output).FullName;
            var name = parse.GetValue(preset);
            var trained = name is null;
            var modelPath = trained
                ? DemoModelTrainer.TrainOrReuse(new SyntheticTrainingOptions(), Path.Combine(folder, "models"), new Progress<string>(line => Status($"training the demo model: {line}")), cancellationToken).OnnxPath
                : ModelGenerator.Write(ModelPresets.TryGet(name!, out var spec) ? spec : throw new CliInputException($"unknown model preset '{name}': expected one of {string.Join(", ", ModelPresets.Names)}"), Path.Combine(folder, "models", name + ".onnx")).OnnxPath;
            var scenes = DemoScenes.Write(Path.Combine(folder, "videos"));

            Status($"starting Azurite and a silo (logs in {Path.Combine(folder, "cluster")})");
            await using var cluster = await LocalClusterHost.StartAsync(
                Path.Combine(folder, "cluster"),
                ["cpu"],
                [new ModelProfileSpec(Profile, modelPath, [])],
                cancellationToken: cancellationToken);
            Status($"cluster up: gateway {cluster.Gateways}, storage 127.0.0.1:{cluster.Storage.BlobPort}");
            await using var connection = await GatewayClusterSession.ConnectAsync(ClusterEndpoint.Local(cluster.Gateways, cluster.ClusterId), cancellationToken);
            var port = parse.GetValue(apiPort) ?? (await FreePorts.IsListeningAsync(DefaultApiPort, cancellationToken) ? 0 : DefaultApiPort);
            var api = await cluster.StartApiAsync(port, cancellationToken: cancellationToken);
            var (_, adminKey) = await new ApiKeyStore(cluster.Storage.ConnectionString).CreateAsync(ApiRole.Admin, "demo", CameraScope.All, cancellationToken);
            Console.Out.WriteLine($"api: {api.BaseAddress}");
            Console.Out.WriteLine($"api key: {adminKey}");

            var cameras = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (action, video) in scenes)
            {
                var id = DemoScenes.CameraId(action);
                await connection.Client.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = Profile });
                cameras[id] = action;
                Status($"camera {id} registered: {Path.GetFileName(video)} (a held-out {action} scene) looped as a simulated camera");
            }

            var started = DateTimeOffset.UtcNow;
            await ShowLiveLabelsAsync(connection.Client, TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);

            var history = connection.Client.GetGrain<IHistoryGrain>("demo");
            var query = new HistoryQuery { Cameras = [.. cameras.Keys], From = started - TimeSpan.FromMinutes(1), Limit = 5000 };
            var events = (await history.QueryAsync(query)).Items;
            CliConsole.Out.WriteLine();
            CliConsole.Out.WriteLine($"history query: {events.Length} event(s) persisted in Azure Blob (Azurite) since the demo started; the last 10:");
            CliConsole.Out.Write(HistoryCommand.ToTable(events.TakeLast(10)));
            var summary = new Table().AddColumns("camera", "label", "seconds", "events");
            foreach (var total in (await history.SummaryAsync(query)).Items.OrderBy(t => t.CameraId, StringComparer.Ordinal).ThenByDescending(t => t.Seconds))
            {
                summary.AddRow(total.CameraId, Markup.Escape(total.Label), total.Seconds.ToString("F1", CultureInfo.InvariantCulture), $"{total.Events}");
            }

            CliConsole.Out.WriteLine("history summary: time per label per camera");
            CliConsole.Out.Write(summary);
            CliConsole.Out.WriteLine("label match: per camera, the windows whose label is the action its scene shows");
            CliConsole.Out.Write(MatchTable(events, cameras));
            if (!trained)
            {
                CliConsole.Out.WriteLine($"model {Path.GetFileName(modelPath)} has generated random weights: labels prove the pipeline, not what an NGC model would say");
            }

            if (parse.GetValue(keep))
            {
                Status($"storage (Azurite's public development account): {cluster.Storage.ConnectionString}");
                Status($"cluster id: {cluster.ClusterId}");
                Status($"cluster kept running; open {api.BaseAddress} and sign in with the api key above, or from another terminal: deploy/local/actionnet cameras list --gateway {cluster.Gateways} --cluster-id {cluster.ClusterId} --service-id {cluster.ClusterId}   (Ctrl-C here stops it)");
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            Status("stopping the API, the silo and Azurite");
            return events.Length > 0 ? 0 : CliErrors.Failure;
        });
    }

    /// <summary>Per camera: windows stored, how many carry the scene's action as their label, and that fraction.</summary>
    public static Table MatchTable(IReadOnlyList<ActionEvent> events, IReadOnlyDictionary<string, string> sceneActions)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sceneActions);
        var table = new Table().AddColumns("camera", "scene", "windows", "matching", "match rate");
        foreach (var (camera, action) in sceneActions.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var windows = events.Where(e => e.CameraId == camera).ToList();
            var matching = windows.Count(e => e.Label == action);
            var rate = windows.Count == 0 ? "-" : (matching / (double)windows.Count).ToString("P1", CultureInfo.InvariantCulture);
            table.AddRow(camera, Markup.Escape(action), $"{windows.Count}", $"{matching}", rate);
        }

        return table;
    }

    private static async Task ShowLiveLabelsAsync(IClusterClient client, TimeSpan duration, CancellationToken cancellationToken)
    {
        Status($"live labels for {duration.TotalSeconds:F0} s (Ctrl-C to stop early):");
        await using var subscription = await LiveEventSubscription.SubscribeAsync(client.GetStreamProvider(LiveEvents.ProviderName), [], live =>
        {
            if (live is { Kind: LiveEventKind.Label, Event: { } e })
            {
                var who = e.TrackId is { } track ? $"person {track}" : "";
                CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.End.UtcDateTime:HH:mm:ss.fff}  {e.CameraId,-16} {who,-12} window {e.Sequence,-5} {e.Label,-11} {e.Confidence,6:P1}  scored on {e.Silo}"));
            }

            return Task.CompletedTask;
        });
        await Task.Delay(duration, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static void Status(string message) => Console.Error.WriteLine($"demo: {message}");
}
