using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Cluster;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet cluster status|drain|undrain</c>: each silo's accelerator, capacity, demand, utilisation,
/// cameras and drops by reason, with cluster totals; and draining a silo before maintenance.
/// </summary>
public static class ClusterCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var command = new Command("cluster", "cluster-wide status, and draining silos") { Status(cluster), Drain(cluster), Undrain(cluster) };
        cluster.AddTo(command);
        return command;
    }

    private static Command Status(ClusterOptions cluster)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var status = new Command("status", "per silo: accelerator, capacity and demand (windows/s), model utilisation, cameras, windows dropped by reason; per accelerator pool: capacity, demand and their ratio; and the cluster's totals") { json };
        status.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var report = await connection.ClusterStatusAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(report);
                return 0;
            }

            var table = new Table().AddColumns("silo", "host", "accelerator", "cameras", "capacity w/s", "demand w/s", "utilisation", "scored w/s", "dropped (overload/no-acc/failed/unrecorded)", "bytes/window", "state");
            foreach (var silo in report.Silos)
            {
                table.AddRow(
                    Markup.Escape(silo.Silo),
                    Markup.Escape(silo.Host),
                    Markup.Escape(silo.Accelerator),
                    $"{silo.ActiveCameras}",
                    Number(silo.Capacity) + (silo.Profiles.Any(p => !p.Measured) ? " (configured)" : ""),
                    Number(silo.Demand),
                    silo.Utilisation.ToString("P0", CultureInfo.InvariantCulture),
                    Number(silo.WindowsPerSecond),
                    $"{silo.Drops.Total} ({silo.Drops.Overload}/{silo.Drops.NoAccelerator}/{silo.Drops.Failed}/{silo.Drops.Unrecorded})",
                    Number(silo.SentBytesPerWindow),
                    silo.Draining ? "[yellow]draining[/]" : "serving");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine(
                $"{report.Silos.Length} silo(s), {report.ActiveCameras} active camera(s), capacity {Number(report.Capacity)} windows/s, demand {Number(report.Demand)} windows/s, " +
                $"{Number(report.WindowsPerSecond)} scored/s, {report.WindowsDropped} dropped ({report.Drops.Overload} overload, {report.Drops.NoAccelerator} no accelerator, {report.Drops.Failed} failed, {report.Drops.Unrecorded} unrecorded)");
            foreach (var pool in report.Pools)
            {
                CliConsole.Out.WriteLine($"pool {pool.Pool}: {pool.Silos} silo(s), capacity {Number(pool.Capacity)} windows/s, demand {Number(pool.Demand)} windows/s, demand/capacity {pool.DemandRatio.ToString("0.00", CultureInfo.InvariantCulture)}");
            }

            if (report.Overloaded)
            {
                CliConsole.Out.MarkupLine($"[yellow]overloaded: demand exceeds capacity by {Number(report.Demand - report.Capacity)} windows/s; windows are dropped evenly across cameras[/]");
            }

            return 0;
        });
        return status;
    }

    private static Command Drain(ClusterOptions cluster)
    {
        var silo = new Argument<string>("silo") { Description = "the silo's address as `cluster status` shows it, or its host name" };
        var wait = new Option<int?>("--wait") { Description = "wait up to this many seconds until the silo runs no camera and each of its cameras has scored on another silo (exit 1 if not)" };
        var drain = new Command("drain", "move every camera off a silo before maintenance; it takes no new cameras until `cluster undrain`") { silo, wait };
        drain.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var started = await connection.DrainAsync(parse.GetValue(silo)!, cancellationToken);
            CliConsole.Out.WriteLine($"draining {started.Silo}");
            if (parse.GetValue(wait) is not { } seconds)
            {
                return 0;
            }

            var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
            while (true)
            {
                var progress = await connection.DrainProgressAsync(started, cancellationToken);
                if (progress.Done)
                {
                    CliConsole.Out.WriteLine($"drained {started.Silo}: no camera runs there");
                    return 0;
                }

                if (DateTimeOffset.UtcNow >= deadline)
                {
                    Console.Error.WriteLine(progress.CamerasLeft > 0
                        ? $"error: silo {started.Silo} still runs {progress.CamerasLeft} camera(s) after {seconds} s"
                        : $"error: the cameras of silo {started.Silo} moved, but {string.Join(", ", progress.Pending)} had not scored on their new silo after {seconds} s");
                    return 1;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        });
        return drain;
    }

    private static Command Undrain(ClusterOptions cluster)
    {
        var silo = new Argument<string>("silo") { Description = "the drained silo's address or host name" };
        var undrain = new Command("undrain", "let a drained silo take cameras again") { silo };
        undrain.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var address = await connection.UndrainAsync(parse.GetValue(silo)!, cancellationToken);
            CliConsole.Out.WriteLine($"serving {address}");
            return 0;
        });
        return undrain;
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
