using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Cameras;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet cameras add|list|status|remove</c>: register camera streams with the cluster and see how they run.</summary>
public static class CamerasCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var command = new Command("cameras", "register, list, inspect and remove camera streams")
        {
            CreateAdd(cluster), CreateList(cluster), CreateStatus(cluster), CreateRemove(cluster),
        };
        cluster.AddTo(command);
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "camera id: 1 to 63 characters of a-z, 0-9 and '-'" };

    private static Command CreateAdd(ClusterOptions cluster)
    {
        var id = IdArgument();
        var source = new Option<string>("--source") { Description = "video file (simulated camera) or stream URL", Required = true };
        var model = new Option<string>("--model") { Description = "model profile name configured on the silos", Required = true };
        var stride = NumberOptions.Whole("--stride", "emit a window every N kept frames (default: the profile's)", 1, CameraInputRules.MaxStride);
        var subsample = NumberOptions.Whole("--subsample", "keep every (N+1)-th frame (default: the profile's)", 0, CameraInputRules.MaxSubsample);
        var fps = NumberOptions.Decimal("--fps", "cap on frames read per second", 0, CameraInputRules.MaxFpsCap);
        var loop = new Option<bool>("--loop") { Description = "replay a video file forever, as a simulated camera" };
        var roi = new Option<string?>("--roi") { Description = "region of interest x,y,width,height in source pixels" };
        var disabled = new Option<bool>("--disabled") { Description = "register without starting ingest" };
        var retention = NumberOptions.Whole("--retention-days", "days of this camera's history kept, 0 for everything (default: the cluster's)", 0, CameraInputRules.MaxRetentionDays);
        var persons = new Option<bool>("--persons") { Description = "person mode: detect and track people and label each tracked person's own clip" };
        var detector = new Option<string?>("--detector") { Description = "detector profile for --persons (default: hog, OpenCV's built-in people detector)" };
        var command = new Command("add", "register a camera (or update its registration)") { id, source, model, stride, subsample, fps, loop, roi, disabled, retention, persons, detector };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cameraId = CameraIds.Validate(parse.GetRequiredValue(id));
            var sourceText = parse.GetRequiredValue(source);
            if (CameraInputRules.SourceProblem(sourceText) is { } problem)
            {
                throw new CliInputException(problem);
            }

            var registration = new CameraRegistration
            {
                Source = ResolveSource(sourceText),
                ModelProfile = parse.GetRequiredValue(model),
                Stride = parse.GetValue(stride),
                Subsample = parse.GetValue(subsample),
                FpsCap = parse.GetValue(fps),
                Loop = parse.GetValue(loop),
                Region = RegionOfInterest.Parse(parse.GetValue(roi), "--roi"),
                Enabled = !parse.GetValue(disabled),
                RetentionDays = parse.GetValue(retention),
                Persons = parse.GetValue(persons),
                Detector = parse.GetValue(detector),
            };

            // The same rules the camera grain applies, checked here so a bad value never reaches the cluster.
            CameraInputRules.Validate(registration);
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            await connection.RegisterCameraAsync(cameraId, registration, cancellationToken);
            CliConsole.Out.WriteLine($"camera {cameraId} registered: {SourceUrl.Redact(registration.Source)} with profile {registration.ModelProfile}" + (registration.Persons ? $", person mode (detector {registration.Detector ?? "hog"})" : ""));
            return 0;
        });
        return command;
    }

    private static Command CreateList(ClusterOptions cluster)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("list", "list registered cameras and their state") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var statuses = await connection.CameraStatusesAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(statuses);
                return 0;
            }

            var table = new Table().AddColumns("camera", "state", "source", "frames", "windows", "dropped", "fps", "silo");
            foreach (var s in statuses)
            {
                table.AddRow(s.CameraId, s.State.ToString(), Markup.Escape(s.RedactedSource), $"{s.FramesReceived}", $"{s.WindowsEmitted}", $"{s.WindowsDropped}", s.InputFps.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(s.Silo));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{statuses.Length} camera(s)");
            return 0;
        });
        return command;
    }

    private static Command CreateStatus(ClusterOptions cluster)
    {
        var id = IdArgument();
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("status", "show one camera's state, counters and last error") { id, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cameraId = CameraIds.Validate(parse.GetRequiredValue(id));
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var status = await connection.CameraStatusAsync(cameraId, cancellationToken) ?? throw NotRegistered(cameraId);
            if (parse.GetValue(json))
            {
                CliJson.Write(status);
                return 0;
            }

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
            Row("camera", status.CameraId);
            Row("state", status.State.ToString());
            Row("source", status.RedactedSource);
            Row("frames received", $"{status.FramesReceived}");
            Row("windows emitted", $"{status.WindowsEmitted}");
            Row("windows scored", $"{status.WindowsScored}");
            Row("windows dropped", $"{status.WindowsDropped} (overload {status.Drops.Overload}, no accelerator {status.Drops.NoAccelerator}, failed {status.Drops.Failed}, unrecorded {status.Drops.Unrecorded})");
            if (status.Plan is { } plan)
            {
                Row("plan", string.Create(CultureInfo.InvariantCulture, $"{plan.SourceKind}, profile {plan.Profile} ({(plan.Accelerators.Length == 0 ? "any accelerator" : string.Join(", ", plan.Accelerators))}), {plan.Inputs} T={plan.Frames} {plan.Width}x{plan.Height}, stride {plan.Stride}, subsample {plan.Subsample}, {plan.Resize}, fps cap {(plan.FpsCap is { } cap ? cap.ToString("0.##", CultureInfo.InvariantCulture) : "none")}{(plan.Region is { } r ? $", region ({r.X},{r.Y}) {r.Width}x{r.Height}" : "")}"));
                if (plan.Persons is { } p)
                {
                    Row("persons", string.Create(CultureInfo.InvariantCulture, $"detector {p.Detector} ({p.DetectorModel}) every {p.DetectionInterval} frame(s), threshold {p.Threshold:0.##}, at most {p.MaxTracks} tracks, context {p.Context:0.##}"));
                }
            }

            Row("input", $"{status.InputFps.ToString("F1", CultureInfo.InvariantCulture)} fps, {status.FrameWidth}x{status.FrameHeight}");
            Row("reconnects", $"{status.ReconnectCount}");
            Row("last error", status.LastError ?? "-");
            Row("history buffered", $"{status.HistoryBuffered} of {status.HistoryBufferLimit} labels waiting to be stored" + (status.HistoryError is { } e ? $" ({e})" : string.Empty));
            Row("silo", status.Silo);
            Row("updated", status.UpdatedAt.ToString("u", CultureInfo.InvariantCulture));
            CliConsole.Out.Write(grid);
            return 0;
        });
        return command;
    }

    private static Command CreateRemove(ClusterOptions cluster)
    {
        var id = IdArgument();
        var command = new Command("remove", "stop a camera and forget its registration; its history stays") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cameraId = CameraIds.Validate(parse.GetRequiredValue(id));
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            if (!await connection.RemoveCameraAsync(cameraId, cancellationToken))
            {
                throw NotRegistered(cameraId);
            }

            CliConsole.Out.WriteLine($"camera {cameraId} removed; its history is kept");
            return 0;
        });
        return command;
    }

    // A camera that is not registered is bad input (exit 2), not a "Stopped" status or a removal that did nothing.
    private static CliInputException NotRegistered(string cameraId) =>
        new($"camera '{cameraId}' is not registered; 'actionnet cameras list' shows the registered cameras");

    // Local files are registered by absolute path: the silo resolves paths on its own machine, not the CLI's working directory.
    private static string ResolveSource(string source) =>
        source.Contains("://", StringComparison.Ordinal) ? source : Path.GetFullPath(source);
}
