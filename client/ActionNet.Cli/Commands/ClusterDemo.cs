using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using ActionNet.LocalCluster;
using ActionNet.Onnx;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// The README's main job: start Azurite and a silo, generate a model and demo videos, register a few
/// looping cameras, show labels as they are persisted, then print a history query and a summary.
/// Ctrl-C (or the end of <c>--seconds</c>) stops everything it started.
/// </summary>
public static class ClusterDemo
{
    private const string Profile = "demo";

    /// <summary>Adds the demo's options and action to <paramref name="command"/>.</summary>
    public static void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "work folder (models, videos, Azurite data, logs)", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".work", "demo")) };
        var preset = new Option<string>("--preset") { Description = "model preset to generate and serve", DefaultValueFactory = _ => "tiny-2d-rgb" };
        var seconds = new Option<double>("--seconds") { Description = "how long to show live labels", DefaultValueFactory = _ => 20 };
        var keep = new Option<bool>("--keep-running") { Description = "after the summary, keep the cluster up until Ctrl-C (use the printed --gateway from another terminal)" };
        command.Options.Add(output);
        command.Options.Add(preset);
        command.Options.Add(seconds);
        command.Options.Add(keep);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(output).FullName;
            var name = parse.GetRequiredValue(preset);
            var model = ModelGenerator.Write(ModelPresets.Get(name), Path.Combine(folder, "models", name + ".onnx"));
            var videos = DemoCommand.WriteVideos(Path.Combine(folder, "videos"), perClass: 1, frames: 150)
                .Where(v => v.Contains("walk", StringComparison.Ordinal) || v.Contains("run", StringComparison.Ordinal) || v.Contains("fall_floor", StringComparison.Ordinal))
                .ToList();

            Status($"starting Azurite and a silo (logs in {Path.Combine(folder, "cluster")})");
            await using var cluster = await LocalClusterHost.StartAsync(
                Path.Combine(folder, "cluster"),
                ["cpu"],
                [new ModelProfileSpec(Profile, model.OnnxPath, [])],
                cancellationToken: cancellationToken);
            Status($"cluster up: gateway {cluster.Gateways}, storage 127.0.0.1:{cluster.Storage.BlobPort}");
            await using var connection = await ClusterConnection.ConnectAsync(new ClusterEndpoint("localhost", cluster.Gateways, null, cluster.ClusterId, cluster.ClusterId), cancellationToken);

            var cameras = new List<string>();
            foreach (var video in videos)
            {
                var id = "demo-" + Path.GetFileNameWithoutExtension(video).Split('_')[0].Replace("fall", "fall-floor", StringComparison.Ordinal);
                await connection.Client.GetGrain<ICameraGrain>(id).RegisterAsync(new CameraRegistration { Source = video, Loop = true, ModelProfile = Profile });
                cameras.Add(id);
                Status($"camera {id} registered: {Path.GetFileName(video)} looped as a simulated camera");
            }

            var started = DateTimeOffset.UtcNow;
            await ShowLiveLabelsAsync(connection.Client, started, TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);

            var history = connection.Client.GetGrain<IHistoryGrain>("demo");
            var query = new HistoryQuery { Cameras = [.. cameras], From = started - TimeSpan.FromMinutes(1), Limit = 5000 };
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
            CliConsole.Out.WriteLine($"model {Path.GetFileName(model.OnnxPath)} has generated random weights: labels prove the pipeline, not what an NGC model would say");

            if (parse.GetValue(keep))
            {
                Status($"storage (Azurite's public development account): {cluster.Storage.ConnectionString}");
                Status($"cluster id: {cluster.ClusterId}");
                Status($"cluster kept running; from another terminal: deploy/local/actionnet cameras list --gateway {cluster.Gateways} --cluster-id {cluster.ClusterId} --service-id {cluster.ClusterId}   (Ctrl-C here stops it)");
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            Status("stopping the silo and Azurite");
            return events.Length > 0 ? 0 : CliErrors.Failure;
        });
    }

    private static async Task ShowLiveLabelsAsync(IClusterClient client, DateTimeOffset since, TimeSpan duration, CancellationToken cancellationToken)
    {
        Status($"live labels for {duration.TotalSeconds:F0} s (Ctrl-C to stop early):");
        var history = client.GetGrain<IHistoryGrain>("demo-watch");
        var seen = new HashSet<(string, long)>();
        var deadline = DateTimeOffset.UtcNow + duration;
        while (DateTimeOffset.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            foreach (var e in (await history.QueryAsync(new HistoryQuery { From = since, Limit = 1000 })).Items)
            {
                if (seen.Add((e.CameraId, e.Sequence)))
                {
                    CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.End.UtcDateTime:HH:mm:ss.fff}  {e.CameraId,-16} window {e.Sequence,-5} {e.Label,-11} {e.Confidence,6:P1}  scored on {e.Silo}"));
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static void Status(string message) => Console.Error.WriteLine($"demo: {message}");
}
