using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>history export</c>: every event matching a query, page after page (one page in memory), written as
/// JSONL or CSV, with a progress bar on stderr measured by how far through the time range the export is.
/// </summary>
public static class HistoryExport
{
    /// <summary>Writes every match of <paramref name="query"/> to <paramref name="writer"/>; returns how many.</summary>
    public static async Task<long> RunAsync(HistoryQuery query, Func<HistoryQuery, Task<HistoryPage<ActionEvent>>> fetch, TextWriter writer, bool csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(writer);
        var to = query.To ?? DateTimeOffset.UtcNow;
        DateTimeOffset? from = query.From;
        long count = 0;
        var lastDecile = -1;
        var interactive = CliConsole.Status.Profile.Capabilities.Interactive;
        ProgressTask? bar = null;

        async Task ExportAsync()
        {
            await foreach (var e in HistoryPages.AllAsync(query with { Limit = Math.Max(query.Limit, 1000) }, fetch, cancellationToken))
            {
                if (count == 0)
                {
                    from ??= e.End;
                    if (csv)
                    {
                        await writer.WriteAsync(HistoryCsv.Header(e.Labels) + "\n");
                    }
                }

                await writer.WriteAsync((csv ? HistoryCsv.Row(e) : JsonSerializer.Serialize(e, CliJson.Compact)) + "\n");
                count++;
                var span = (to - from!.Value).TotalSeconds;
                var done = span <= 0 ? 1 : Math.Clamp((e.End - from.Value).TotalSeconds / span, 0, 1);
                if (bar is not null)
                {
                    bar.Value = done * 100;
                    bar.Description = $"exported {count} event(s)";
                }
                else if ((int)(done * 10) != lastDecile)
                {
                    lastDecile = (int)(done * 10);
                    Console.Error.WriteLine($"export: {lastDecile * 10}% of the time range, {count} event(s)");
                }
            }

            await writer.FlushAsync(cancellationToken);
        }

        if (interactive)
        {
            await CliConsole.Status.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    bar = context.AddTask("exporting", maxValue: 100);
                    await ExportAsync();
                    bar.Value = 100;
                    bar.StopTask();
                });
        }
        else
        {
            await ExportAsync();
        }

        return count;
    }
}
