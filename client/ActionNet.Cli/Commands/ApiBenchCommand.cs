using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Benchmarks;
using ActionNet.Cli.Output;
using ActionNet.LocalCluster;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet bench api [--json]</c>: the API host under load from this machine, against a local cluster with labelling cameras.</summary>
public static class ApiBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cameras = NumberOptions.Whole("--cameras", "cameras labelling during the run (default 16)", 1, 256);
        var clients = new Option<string>("--clients") { Description = "concurrent clients for the history page, comma-separated", DefaultValueFactory = _ => "1,8,32" };
        var subscribers = NumberOptions.Whole("--subscribers", "server-sent-event subscribers (default 100)", 1, 1000);
        var seconds = NumberOptions.Whole("--seconds", "seconds per measurement (default 10)", 1, 600);
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("api", "REST API and live events under load: history pages and camera status per second with p50/p99, SSE fan-out latency") { cameras, clients, subscribers, seconds, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = parse.GetRequiredValue(clients).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 256 ? n : throw new CliInputException($"--clients '{c}' is invalid: expected whole numbers from 1 to 256, comma-separated"))
                .ToArray();
            var folder = Path.Combine(RepositoryLayout.WorkFolder("bench-api"), $"run-{Environment.ProcessId}");
            ApiBenchResult result;
            try
            {
                result = await ApiBenchmark.RunAsync(
                    parse.GetValue(cameras) ?? 16,
                    counts,
                    parse.GetValue(subscribers) ?? 100,
                    TimeSpan.FromSeconds(parse.GetValue(seconds) ?? 10),
                    folder,
                    line => Console.Error.WriteLine($"bench api: {line}"),
                    cancellationToken);
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A log still open; the folder is under the ignored .work/.
                }
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(result);
                return 0;
            }

            var table = new Table().AddColumns("route", "clients", "requests/s", "p50 ms", "p99 ms", "failures");
            foreach (var r in result.HistoryPage)
            {
                table.AddRow("GET /api/v1/history?limit=100", $"{r.Clients}", F(r.RequestsPerSecond), F(r.P50Ms), F(r.P99Ms), $"{r.Failures}");
            }

            var s = result.CameraStatus;
            table.AddRow("GET /api/v1/cameras/{id}", $"{s.Clients}", F(s.RequestsPerSecond), F(s.P50Ms), F(s.P99Ms), $"{s.Failures}");
            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SSE: {result.Sse.Subscribers} subscribers, {result.Sse.Events} label events received; persisted to received p50 {result.Sse.P50Ms:F0} ms, p99 {result.Sse.P99Ms:F0} ms, max {result.Sse.MaxMs:F0} ms ({result.Cameras} cameras labelling)"));
            return 0;
        });
        return command;
    }

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
