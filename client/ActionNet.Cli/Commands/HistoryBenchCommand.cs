using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Benchmarks;
using ActionNet.Cli.Output;
using ActionNet.LocalCluster;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet bench history --cameras N --days D [--json]</c>: what history queries and writes cost in storage calls, against a real Azurite.</summary>
public static class HistoryBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cameras = new Option<int>("--cameras") { Description = "cameras with history", DefaultValueFactory = _ => 100 };
        var days = new Option<int>("--days") { Description = "days of history per camera", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var storage = new Option<string?>("--storage") { Description = "connection string of an Azurite (or account) to use instead of starting one, e.g. one run with --inMemoryPersistence" };
        var command = new Command("history", "synthetic history in a real Azurite: storage calls, bytes, ms and rows of a timeline, a label search and a summary; writes per camera per minute") { cameras, days, json, storage };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cameraCount = parse.GetValue(cameras);
            var dayCount = parse.GetValue(days);
            if (cameraCount is < 1 or > 1000)
            {
                throw new CliInputException($"--cameras {cameraCount} is invalid: expected 1 to 1000");
            }

            if (dayCount is < 1 or > 366)
            {
                throw new CliInputException($"--days {dayCount} is invalid: expected 1 to 366");
            }

            void Status(string line) => Console.Error.WriteLine($"bench history: {line}");
            HistoryBenchResult result;
            if (parse.GetValue(storage) is { Length: > 0 } connection)
            {
                result = await HistoryBenchmark.RunAsync(connection, cameraCount, dayCount, Status, cancellationToken);
            }
            else
            {
                var folder = Path.Combine(RepositoryLayout.WorkFolder("bench-history"), $"azurite-{Environment.ProcessId}");
                await using (var azurite = await AzuriteServer.StartAsync(Path.Combine(folder, "data"), cancellationToken: cancellationToken))
                {
                    result = await HistoryBenchmark.RunAsync(azurite.ConnectionString, cameraCount, dayCount, Status, cancellationToken);
                }

                Directory.Delete(folder, recursive: true);
            }
            if (parse.GetValue(json))
            {
                CliJson.Write(result);
                return 0;
            }

            var table = new Table().AddColumns("query", "cameras", "days", "storage calls", "bytes read", "ms", "rows");
            foreach (var q in result.Queries)
            {
                table.AddRow(q.Query, $"{q.Cameras}", $"{q.Days}", $"{q.StorageCalls}", $"{q.BytesRead}", q.Ms.ToString("F0", CultureInfo.InvariantCulture), $"{q.Rows}");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Segments} segments standing for {result.EventsRepresented} windows over {result.Cameras} cameras x {result.Days} days, laid down in {result.SeedSeconds:F0} s"));
            CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"write path: {result.WritesPerCameraPerMinute:F1} storage writes per camera per minute ({result.WritePathCameras} cameras x {result.WritePathMinutes} min at 3.75 windows/s, flushed every 15 s)"));
            return 0;
        });
        return command;
    }
}
