using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Cluster;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet cluster status</c>: silos with their accelerator, cameras, throughput and drops.</summary>
public static class ClusterCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var status = new Command("status", "list silos with their accelerator label, active cameras, windows per second and dropped windows") { json };
        status.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var report = await connection.Client.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();
            if (parse.GetValue(json))
            {
                CliJson.Write(report);
                return 0;
            }

            var table = new Table().AddColumns("silo", "host", "accelerator", "cameras", "windows/s", "dropped", "reported");
            foreach (var silo in report.Silos)
            {
                table.AddRow(
                    Markup.Escape(silo.Silo),
                    Markup.Escape(silo.Host),
                    Markup.Escape(silo.Accelerator),
                    $"{silo.ActiveCameras}",
                    silo.WindowsPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                    $"{silo.WindowsDropped}",
                    silo.ReportedAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{report.Silos.Length} silo(s), {report.ActiveCameras} active camera(s), {report.WindowsPerSecond.ToString("F1", CultureInfo.InvariantCulture)} windows/s, {report.WindowsDropped} dropped");
            return 0;
        });
        var command = new Command("cluster", "cluster-wide status") { status };
        cluster.AddTo(command);
        return command;
    }
}
