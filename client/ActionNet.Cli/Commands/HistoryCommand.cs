using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet history [segments|summary|gaps|export]</c>: the persisted action history, one page at a
/// time (<c>--limit</c>, <c>--after &lt;token&gt;</c>), as a table, JSON (<c>{"items": [...], "next": token}</c>) or CSV;
/// <c>export</c> streams every match to JSONL or CSV.
/// </summary>
public static class HistoryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var filters = new HistoryFilters();
        var json = new Option<bool>("--json") { Description = "print JSON: {\"items\": [...], \"next\": token or null}" };
        var csv = new Option<bool>("--csv") { Description = "print CSV, one column per class probability" };
        var command = new Command("history", "query the action history (events; see also segments, summary, gaps, export)")
        {
            json, csv, CreateSegments(cluster, filters), CreateSummary(cluster, filters), CreateGaps(cluster, filters), CreateExport(cluster, filters), CreateMigrate(cluster), CreateReindex(cluster),
        };
        filters.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw new CliInputException("choose one of --json and --csv");
            }

            var query = filters.Build(parse, "events");
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var page = await connection.EventsAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(page);
            }
            else if (parse.GetValue(csv))
            {
                Console.Out.Write(HistoryCsv.Write(page.Items));
                if (page.Next is not null)
                {
                    Console.Error.WriteLine(More(query, page.Next));
                }
            }
            else
            {
                CliConsole.Out.Write(ToTable(page.Items));
                CliConsole.Out.WriteLine($"{page.Items.Length} event(s)");
                WriteMore(query, page.Next);
            }

            return 0;
        });
        return command;
    }

    /// <summary>A table of events: time, camera, track (person mode), window, label, confidence, model and silo.</summary>
    public static Table ToTable(IEnumerable<ActionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = new Table().AddColumns("end (UTC)", "camera", "track", "window", "label", "confidence", "model", "silo");
        foreach (var e in events)
        {
            table.AddRow(
                Time(e.End),
                e.CameraId,
                e.TrackId ?? "",
                $"{e.Sequence}",
                Markup.Escape(e.Label),
                e.Confidence.ToString("P1", CultureInfo.InvariantCulture),
                Markup.Escape(e.Model),
                Markup.Escape(e.Silo));
        }

        return table;
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static void WriteJson<T>(HistoryPage<T> page) => CliJson.Write(new { items = page.Items, next = page.Next });

    private static string More(HistoryQuery query, string next) =>
        $"more: this page stopped at --limit {query.Limit}; continue with --after {next}";

    private static void WriteMore(HistoryQuery query, string? next)
    {
        if (next is not null)
        {
            CliConsole.Out.WriteLine(Markup.Escape(More(query, next)));
        }
    }

    private static Command CreateSegments(ClusterOptions cluster, HistoryFilters filters)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("segments", "label segments: runs of one label per camera, with windows, mean and peak confidence") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = filters.Build(parse, "segments");
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var page = await connection.SegmentsAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(page);
                return 0;
            }

            var table = new Table().AddColumns("start (UTC)", "end (UTC)", "camera", "track", "label", "windows", "mean", "peak", "model", "open");
            foreach (var s in page.Items)
            {
                table.AddRow(
                    Time(s.Start), Time(s.End), s.CameraId, s.TrackId ?? "", Markup.Escape(s.Label), $"{s.Windows}",
                    s.MeanConfidence.ToString("P1", CultureInfo.InvariantCulture), s.PeakConfidence.ToString("P1", CultureInfo.InvariantCulture),
                    Markup.Escape(s.Model), s.Open ? "open" : "");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{page.Items.Length} segment(s)");
            WriteMore(query, page.Next);
            return 0;
        });
        return command;
    }

    private static Command CreateSummary(ClusterOptions cluster, HistoryFilters filters)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("summary", "time spent per label per camera (from segments and daily totals)") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = filters.Build(parse, "summary");
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var page = await connection.SummaryAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(page);
                return 0;
            }

            var table = new Table().AddColumns("camera", "label", "time", "events", "segments");
            foreach (var t in page.Items)
            {
                table.AddRow(t.CameraId, Markup.Escape(t.Label), TimeSpan.FromSeconds(t.Seconds).ToString(@"d\.hh\:mm\:ss\.f", CultureInfo.InvariantCulture), $"{t.Events}", $"{t.Segments}");
            }

            CliConsole.Out.Write(table);
            WriteMore(query, page.Next);
            return 0;
        });
        return command;
    }

    private static Command CreateGaps(ClusterOptions cluster, HistoryFilters filters)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("gaps", "outages and lost windows: stretches with no label while a camera was registered, and why") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = filters.Build(parse, "gaps");
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var page = await connection.GapsAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(page);
                return 0;
            }

            var table = new Table().AddColumns("camera", "from (UTC)", "to (UTC)", "seconds", "after window", "resumed at window", "lost windows", "reason", "resumed on");
            foreach (var gap in page.Items)
            {
                table.AddRow(
                    gap.CameraId,
                    Time(gap.Start),
                    Time(gap.End),
                    gap.Duration.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                    $"{gap.PreviousSequence}",
                    $"{gap.NextSequence}",
                    $"{gap.LostWindows}",
                    Markup.Escape(gap.Reason),
                    Markup.Escape(gap.Silo));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{page.Items.Length} gap(s)");
            WriteMore(query, page.Next);
            return 0;
        });
        return command;
    }

    private static Command CreateExport(ClusterOptions cluster, HistoryFilters filters)
    {
        var format = new Option<string>("--format") { Description = "jsonl or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "file to write; default: stdout" };
        var command = new Command("export", "stream every matching event to JSONL or CSV, page by page, with a progress bar on stderr") { format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = filters.Build(parse, "events");
            var csv = parse.GetValue(format) == "csv";
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var path = parse.GetValue(output);
            await using var writer = path is null ? Console.Out : new StreamWriter(path, append: false);
            var exported = await HistoryExport.RunAsync(query, q => connection.EventsAsync(q, cancellationToken), writer, csv, cancellationToken);
            Console.Error.WriteLine($"exported {exported} event(s){(path is null ? "" : $" to {path}")}");
            return 0;
        });
        return command;
    }

    private static Command CreateReindex(ClusterOptions cluster)
    {
        var command = new Command("reindex", "write the cross-camera label index for history stored before it existed (label searches over many cameras read it); needs --storage; safe to repeat");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = parse.GetValue(cluster.Storage);
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new CliInputException("history reindex needs the storage account: --storage <connection string> (or ACTIONNET_STORAGE)");
            }

            var store = Storage.LabelStore.Connect(new Storage.HistoryStorageOptions { ConnectionString = connection });
            var cameras = await store.ListCamerasAsync(cancellationToken);
            // The progress bar runs its work synchronously: each camera's reindex is awaited in turn inside it.
            var segments = CliConsole.WithProgress("reindexing", progress =>
            {
                var total = 0;
                for (var i = 0; i < cameras.Count; i++)
                {
                    total += store.ReindexAsync(cameras[i].Camera, cancellationToken).GetAwaiter().GetResult();
                    progress(i + 1, cameras.Count, cameras[i].Camera);
                }

                return total;
            });
            CliConsole.Out.WriteLine($"{cameras.Count} camera(s), {segments} segment(s) in the label index");
            return 0;
        });
        return command;
    }

    private static Command CreateMigrate(ClusterOptions cluster)
    {
        var command = new Command("migrate", "convert history of the earlier layout (a blob per flush) into the indexed layout; needs --storage; run before upgraded silos write those cameras");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = await StorageAccount.CheckAsync(parse.GetValue(cluster.Storage), "history migrate", cancellationToken);
            var store = Storage.LabelStore.Connect(new Storage.HistoryStorageOptions { ConnectionString = connection });
            await store.EnsureCreatedAsync(cancellationToken);
            var migration = new Storage.HistoryMigration(store);
            var cameras = await migration.CamerasToMigrateAsync(cancellationToken);
            foreach (var camera in cameras)
            {
                var (events, gaps, blobs) = await migration.MigrateAsync(camera, cancellationToken);
                CliConsole.Out.WriteLine($"{camera}: {events} event(s) and {gaps} gap(s) migrated, {blobs} old blob(s) removed");
            }

            CliConsole.Out.WriteLine($"{cameras.Count} camera(s) migrated");
            return 0;
        });
        return command;
    }

    private sealed class HistoryFilters
    {
        private readonly Option<string[]> _cameras = new("--camera") { Description = "camera id(s); default: all", AllowMultipleArgumentsPerToken = true, Recursive = true };
        private readonly Option<string?> _from = new("--from") { Description = "from time: ISO 8601, or a duration ago such as 15m, 2h, 1d", Recursive = true };
        private readonly Option<string?> _to = new("--to") { Description = "to time (exclusive): ISO 8601, now, or a duration ago", Recursive = true };
        private readonly Option<string?> _label = new("--label") { Description = "only this label (one of the model's labels)", Recursive = true };
        private const int DefaultLimit = 1000;
        private readonly Option<double?> _minConfidence = NumberOptions.Decimal("--min-confidence", "only records at least this confident", 0, 1, minIncluded: true);
        private readonly Option<int?> _limit = NumberOptions.Whole("--limit", $"at most N records per page (default {DefaultLimit})", 1, HistoryQueryRules.MaxLimit);
        private readonly Option<string?> _after = new("--after") { Description = "continue after the page that printed this token", Recursive = true };
        private readonly Option<string?> _track = new("--track") { Description = "only this tracked person (person-mode cameras; events and segments show the id)", Recursive = true };

        public HistoryFilters()
        {
            _minConfidence.Recursive = true;
            _limit.Recursive = true;
        }

        public void AddTo(Command command)
        {
            command.Options.Add(_cameras);
            command.Options.Add(_from);
            command.Options.Add(_to);
            command.Options.Add(_label);
            command.Options.Add(_track);
            command.Options.Add(_minConfidence);
            command.Options.Add(_limit);
            command.Options.Add(_after);
        }

        // The shared rules run here, before connecting: a bad query costs nothing.
        public HistoryQuery Build(ParseResult parse, string kind)
        {
            var now = DateTimeOffset.UtcNow;
            var query = new HistoryQuery
            {
                Cameras = [.. (parse.GetValue(_cameras) ?? []).Select(CameraIds.Validate)],
                From = parse.GetValue(_from) is { } from ? TimeArgument.Parse(from, now, "--from") : null,
                To = parse.GetValue(_to) is { } to ? TimeArgument.Parse(to, now, "--to") : null,
                Label = parse.GetValue(_label),
                Track = parse.GetValue(_track),
                MinConfidence = (float)(parse.GetValue(_minConfidence) ?? 0),
                Limit = parse.GetValue(_limit) ?? DefaultLimit,
                After = parse.GetValue(_after),
            };
            HistoryQueryRules.Validate(query, kind, HistoryInputNames.Cli);
            return query;
        }
    }
}
