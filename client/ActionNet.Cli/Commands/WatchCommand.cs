using System.CommandLine;
using System.Globalization;
using System.Threading.Channels;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Orleans.Streams;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet watch [--camera id]</c>: print labels as they are persisted (journaled), until Ctrl-C. Subscribes to the
/// live-event stream the aggregators publish on (through the gateways, or the API's server-sent events with <c>--api</c>),
/// never polls storage, so it stays fast however long the history.
/// </summary>
public static class WatchCommand
{
    // A year: longer than any watch, and far inside what a cancellation timer accepts.
    private const double MaxSeconds = 31_536_000;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var cameras = new Option<string[]>("--camera") { Description = "camera id(s); default: all", AllowMultipleArgumentsPerToken = true };
        var count = NumberOptions.Whole("--count", "stop after N events", 1, int.MaxValue);
        var seconds = NumberOptions.Decimal("--seconds", "stop after this many seconds", 0, MaxSeconds);
        var json = new Option<bool>("--json") { Description = "one JSON object per line" };
        var command = new Command("watch", "show live labels as they are persisted") { cameras, count, seconds, json };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ids = (parse.GetValue(cameras) ?? []).Select(CameraIds.Validate).ToArray();
            var stopAfter = parse.GetValue(count);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(seconds) is { } limit)
            {
                deadline.CancelAfter(TimeSpan.FromSeconds(limit));
            }

            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var printed = 0;
            try
            {
                await foreach (var e in connection.LabelsAsync(ids, deadline.Token))
                {
                    Print(e, parse.GetValue(json));
                    if (++printed == stopAfter)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // --seconds elapsed: a normal end.
            }

            return 0;
        });
        return command;
    }

    private static void Print(ActionEvent e, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(e, CliJson.Compact));
            return;
        }

        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{e.End.UtcDateTime:HH:mm:ss.fff}  {e.CameraId,-20} {(e.TrackId is { } track ? "person " + track : ""),-14} #{e.Sequence,-6} {e.Label,-12} {e.Confidence,6:P1}  {e.Silo}"));
    }
}
