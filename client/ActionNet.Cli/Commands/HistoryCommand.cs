using System.CommandLine;
using System.Globalization;
using System.Text;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet history [summary]</c>: query the persisted action history as a table, JSON or CSV.</summary>
public static class HistoryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var filters = new HistoryFilters();
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var csv = new Option<bool>("--csv") { Description = "print CSV, one column per class probability" };
        var command = new Command("history", "query the action history") { json, csv, CreateSummary(cluster, filters), CreateGaps(cluster, filters) };
        filters.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw new CliInputException("choose one of --json and --csv");
            }

            var query = filters.Build(parse);
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var events = await connection.Client.GetGrain<IHistoryGrain>("query").QueryAsync(query);
            if (parse.GetValue(json))
            {
                CliJson.Write(events);
            }
            else if (parse.GetValue(csv))
            {
                Console.Out.Write(ToCsv(events));
            }
            else
            {
                CliConsole.Out.Write(ToTable(events));
                CliConsole.Out.WriteLine($"{events.Length} event(s)");
            }

            return 0;
        });
        return command;
    }

    /// <summary>A table of events: time, camera, window, label, confidence, model and silo.</summary>
    public static Table ToTable(IEnumerable<ActionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = new Table().AddColumns("end (UTC)", "camera", "window", "label", "confidence", "model", "silo");
        foreach (var e in events)
        {
            table.AddRow(
                e.End.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                e.CameraId,
                $"{e.Sequence}",
                Markup.Escape(e.Label),
                e.Confidence.ToString("P1", CultureInfo.InvariantCulture),
                Markup.Escape(e.Model),
                Markup.Escape(e.Silo));
        }

        return table;
    }

    /// <summary>CSV with a header; one column per class probability, named after the first event's labels.</summary>
    public static string ToCsv(IReadOnlyList<ActionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var labels = events.Count > 0 ? events[0].Labels : [];
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "camera", "sequence", "start", "end", "label", "confidence", "model", "silo" }.Concat(labels.Select(l => "p_" + l))));
        foreach (var e in events)
        {
            var fields = new[]
            {
                e.CameraId,
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                e.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                Quote(e.Label),
                e.Confidence.ToString("R", CultureInfo.InvariantCulture),
                Quote(e.Model),
                Quote(e.Silo),
            }.Concat(e.Probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
            csv.AppendLine(string.Join(",", fields));
        }

        return csv.ToString();

        static string Quote(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static Command CreateSummary(ClusterOptions cluster, HistoryFilters filters)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("summary", "time spent per label per camera") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = filters.Build(parse);
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var totals = await connection.Client.GetGrain<IHistoryGrain>("query").SummaryAsync(query);
            if (parse.GetValue(json))
            {
                CliJson.Write(totals);
                return 0;
            }

            var table = new Table().AddColumns("camera", "label", "time", "events");
            foreach (var t in totals.OrderBy(t => t.CameraId, StringComparer.Ordinal).ThenByDescending(t => t.Seconds))
            {
                table.AddRow(t.CameraId, Markup.Escape(t.Label), TimeSpan.FromSeconds(t.Seconds).ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture), $"{t.Events}");
            }

            CliConsole.Out.Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateGaps(ClusterOptions cluster, HistoryFilters filters)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("gaps", "outages: stretches with no label while a camera was registered (silo failure, stream outage, restart)") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = filters.Build(parse);
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var gaps = await connection.Client.GetGrain<IHistoryGrain>("query").GapsAsync(query);
            if (parse.GetValue(json))
            {
                CliJson.Write(gaps);
                return 0;
            }

            var table = new Table().AddColumns("camera", "from (UTC)", "to (UTC)", "seconds", "after window", "resumed at window", "resumed on");
            foreach (var gap in gaps)
            {
                table.AddRow(
                    gap.CameraId,
                    gap.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                    gap.End.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                    gap.Duration.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                    $"{gap.PreviousSequence}",
                    $"{gap.NextSequence}",
                    Markup.Escape(gap.Silo));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{gaps.Length} gap(s)");
            return 0;
        });
        return command;
    }

    private sealed class HistoryFilters
    {
        private readonly Option<string[]> _cameras = new("--camera") { Description = "camera id(s); default: all", AllowMultipleArgumentsPerToken = true, Recursive = true };
        private readonly Option<string?> _from = new("--from") { Description = "from time: ISO 8601, or a duration ago such as 15m, 2h, 1d", Recursive = true };
        private readonly Option<string?> _to = new("--to") { Description = "to time (exclusive): ISO 8601, now, or a duration ago", Recursive = true };
        private readonly Option<string?> _label = new("--label") { Description = "only this label", Recursive = true };
        private const int DefaultLimit = 1000;
        private const int MaxLimit = 100_000;
        private readonly Option<double?> _minConfidence = NumberOptions.Decimal("--min-confidence", "only events at least this confident", 0, 1, minIncluded: true);
        private readonly Option<int?> _limit = NumberOptions.Whole("--limit", $"at most N events (default {DefaultLimit})", 1, MaxLimit);

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
            command.Options.Add(_minConfidence);
            command.Options.Add(_limit);
        }

        public HistoryQuery Build(ParseResult parse)
        {
            var now = DateTimeOffset.UtcNow;
            var confidence = (float)(parse.GetValue(_minConfidence) ?? 0);
            var limit = parse.GetValue(_limit) ?? DefaultLimit;
            var label = parse.GetValue(_label);
            if (label is not null && CameraInputRules.TextProblem("label", label, CameraInputRules.MaxProfileNameLength) is { } problem)
            {
                throw new CliInputException($"--label: {problem}");
            }

            return new HistoryQuery
            {
                Cameras = [.. (parse.GetValue(_cameras) ?? []).Select(CameraIds.Validate)],
                From = parse.GetValue(_from) is { } from ? TimeArgument.Parse(from, now) : null,
                To = parse.GetValue(_to) is { } to ? TimeArgument.Parse(to, now) : null,
                Label = label,
                MinConfidence = confidence,
                Limit = limit,
            };
        }
    }
}
