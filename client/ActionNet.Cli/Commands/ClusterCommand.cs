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
            var report = await connection.Client.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();
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
            var status = connection.Client.GetGrain<IClusterStatusGrain>(0);

            // The silos' cameras as their last reports saw them, before any moves: each camera of the drained silo
            // must also score on its new silo before the silo counts as empty.
            var before = (await status.GetStatusAsync()).Silos;
            var address = await status.DrainAsync(parse.GetValue(silo)!);
            CliConsole.Out.WriteLine($"draining {address}");
            if (parse.GetValue(wait) is not { } seconds)
            {
                return 0;
            }

            var leaving = before.FirstOrDefault(s => s.Silo == address);
            var moving = leaving?.Cameras.Select(c => c.CameraId).ToArray() ?? [];
            var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
            while (true)
            {
                var left = (await status.GetStatusAsync()).Silos.FirstOrDefault(s => s.Silo == address)?.ActiveCameras ?? 0;
                var pending = left == 0 ? await DrainHandoff.PendingAsync(connection.Client, leaving?.Host ?? "", moving) : [];
                if (left == 0 && pending.Length == 0)
                {
                    CliConsole.Out.WriteLine($"drained {address}: no camera runs there");
                    return 0;
                }

                if (DateTimeOffset.UtcNow >= deadline)
                {
                    Console.Error.WriteLine(left > 0
                        ? $"error: silo {address} still runs {left} camera(s) after {seconds} s"
                        : $"error: the cameras of silo {address} moved, but {string.Join(", ", pending)} had not scored on their new silo after {seconds} s");
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
            var address = await connection.Client.GetGrain<IClusterStatusGrain>(0).UndrainAsync(parse.GetValue(silo)!);
            CliConsole.Out.WriteLine($"serving {address}");
            return 0;
        });
        return undrain;
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
