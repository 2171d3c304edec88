using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ActionNet.Cli.Benchmarks;
using ActionNet.Cli.Output;
using ActionNet.Inference.Contracts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using ActionNet.Inference.Execution;
using ActionNet.LocalCluster;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet bench preprocess|model</c>: speed and memory measured in one run, printed as tables or JSON.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create() => new("bench", "measure preprocessing, model and cluster throughput") { CreatePreprocess(), CreateModel(), CreateCluster(), CreateScale(), CreateIngest(), CreateFaults(), HistoryBenchCommand.Create(), ApiBenchCommand.Create() };

    private static Command CreatePreprocess()
    {
        var frames = new Option<int>("--frames") { Description = "frames per generated video", DefaultValueFactory = _ => 300 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("preprocess", "decode + resize + normalise + pack, one thread, at 320x240 and 1280x720") { frames, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(frames);
            var spec = new ModelInputSpec("input_rgb", FrameKind.Rgb, TensorLayout.Packed2D, 3, 32, 224, 224);
            if (count < spec.Frames)
            {
                throw new CliInputException($"--frames {count} is too few: at least {spec.Frames} are needed to pack one window of T={spec.Frames}");
            }

            var work = Path.Combine(Path.GetTempPath(), $"actionnet-bench-{Environment.ProcessId}");
            (int W, int H)[] sizes = [(320, 240), (1280, 720)];
            List<PreprocessResult> results;
            try
            {
                results = CliConsole.WithProgress("bench preprocess", report =>
                {
                    var list = new List<PreprocessResult>();
                    foreach (var (w, h) in sizes)
                    {
                        report(list.Count, sizes.Length, $"{w}x{h}");
                        list.Add(PreprocessBenchmark.Run(w, h, count, spec, work, cancellationToken));
                    }

                    report(list.Count, sizes.Length, "done");
                    return list;
                });
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { model = "T=32 224x224 RGB", results, peakWorkingSetMb = peak });
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("source", "decode ms", "resize+rgb ms", "normalise+pack ms", "total ms/frame", "frames/s", "pack/window ms", "managed B/frame");
            foreach (var r in results)
            {
                table.AddRow(r.Resolution, F(r.DecodeMs), F(r.ResizeRgbMs), F(r.NormalisePackMs), F(r.TotalMs), r.FramesPerSecond.ToString("F0", CultureInfo.InvariantCulture), F(r.PackPerWindowMs), r.ManagedBytesPerFrame.ToString("F0", CultureInfo.InvariantCulture));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"model input T=32 224x224 RGB, one thread, {count} frames per source; peak working set {peak:F0} MB");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command CreateModel()
    {
        var batches = new Option<string>("--batch") { Description = "batch sizes, comma-separated", DefaultValueFactory = _ => "1,4,8" };
        var seconds = new Option<double>("--seconds") { Description = "time budget per batch size and path", DefaultValueFactory = _ => 3 };
        var minRuns = new Option<int>("--min-runs") { Description = "runs per batch size and path at least", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var model = new ModelOptions();
        var command = new Command("model", "windows per second of raw ONNX Runtime and of the scoring path, per batch size") { batches, seconds, minRuns, json };
        model.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var sizes = ParseBatches(parse.GetRequiredValue(batches));
            using var actionModel = model.Load(parse);
            var factory = new InferenceSessionFactory(new InferenceOptions { Providers = [actionModel.ActiveProvider] });
            using var raw = factory.Create(actionModel.ModelPath, actionModel.Contract);
            var budget = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var results = CliConsole.WithProgress("bench model", report =>
            {
                var list = new List<ModelBenchResult>();
                foreach (var batch in sizes)
                {
                    report(list.Count, sizes.Count, $"batch {batch}");
                    list.Add(ModelBenchmark.Run(actionModel, raw, batch, budget, parse.GetValue(minRuns), cancellationToken));
                }

                report(list.Count, sizes.Count, "done");
                return list;
            });
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { model = actionModel.ModelPath, provider = actionModel.ActiveProvider, results, peakWorkingSetMb = peak });
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("batch", "raw ORT windows/s", "scored windows/s", "ratio", "raw ms/run p50", "scored ms/run p50", "runs");
            foreach (var r in results)
            {
                table.AddRow($"{r.Batch}", F(r.RawWindowsPerSecond), F(r.ScoredWindowsPerSecond), r.Ratio.ToString("F2", CultureInfo.InvariantCulture), F(r.RawMsPerRunP50), F(r.ScoredMsPerRunP50), $"{r.Runs}");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{Path.GetFileName(actionModel.ModelPath)} on {actionModel.ActiveProvider}; peak working set {peak:F0} MB");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command CreateScale()
    {
        var silos = new Option<string>("--silos") { Description = "silo counts to run, comma-separated", DefaultValueFactory = _ => "1,2,4" };
        var deviceMs = new Option<double>("--device-ms")
        {
            Description = "emulated accelerator: milliseconds of device time per window (each silo then sustains 1000/ms windows/s; the real model still runs)",
            DefaultValueFactory = _ => 40,
        };
        var overload = new Option<double>("--overload") { Description = "cameras offered, as a multiple of the cluster's capacity", DefaultValueFactory = _ => 1.2 };
        var seconds = new Option<double>("--seconds") { Description = "seconds measured per silo count", DefaultValueFactory = _ => 20 };
        var modelFile = new Option<FileInfo?>("--model") { Description = "ONNX model to score (default: a generated tiny 2D RGB model, T=8, 32x32)" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("scale", "N accelerator silos paced to a fixed device capacity, offered 1.2x capacity: throughput, efficiency, bytes between silos per window, camera spread, rebalance and recovery times") { silos, deviceMs, overload, seconds, modelFile, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = ParseBatches(parse.GetRequiredValue(silos), "--silos");
            var ms = parse.GetValue(deviceMs) is > 0 and <= 10_000 and var m ? m : throw new CliInputException("--device-ms must be above 0 and at most 10000 milliseconds per window");
            var factor = parse.GetValue(overload) is > 1 and <= 10 and var o ? o : throw new CliInputException("--overload must be above 1 and at most 10: the cluster has to be offered more than it can score");
            var work = Path.Combine(Path.GetTempPath(), $"actionnet-bench-scale-{Environment.ProcessId}");
            Directory.CreateDirectory(work);
            var results = new List<ScaleBenchResult>();
            try
            {
                var model = parse.GetValue(modelFile)?.FullName
                    ?? ModelGenerator.Write(ModelPresets.Get("tiny-2d-rgb") with { Frames = 8, Height = 32, Width = 32 }, Path.Combine(work, "tiny-2d-rgb.onnx")).OnnxPath;
                foreach (var n in counts)
                {
                    results.Add(await ScaleBenchmark.RunAsync(model, n, ms, factor, TimeSpan.FromSeconds(parse.GetValue(seconds)), work, message => Console.Error.WriteLine($"bench scale: {message}"), cancellationToken));
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }

            var single = results.FirstOrDefault(r => r.Silos == 1)?.WindowsPerSecond;
            results = [.. results.Select(r => r with { Efficiency = single is > 0 ? Math.Round(r.WindowsPerSecond / (r.Silos * single.Value), 3) : null })];
            if (parse.GetValue(json))
            {
                CliJson.Write(new { deviceMsPerWindow = ms, overload = factor, results });
                return 0;
            }

            var table = new Table().AddColumns("silos", "cameras", "capacity w/s", "offered w/s", "scored w/s", "efficiency", "utilisation", "bytes/window", "cameras/silo", "dropped", "rebalance s", "recovery s");
            foreach (var r in results)
            {
                table.AddRow($"{r.Silos}", $"{r.Cameras}", F(r.CapacityWindowsPerSecond), F(r.OfferedWindowsPerSecond), F(r.WindowsPerSecond), r.Efficiency?.ToString("F2", CultureInfo.InvariantCulture) ?? "-", r.Utilisation.ToString("P0", CultureInfo.InvariantCulture), F(r.CrossSiloBytesPerWindow), $"{r.CamerasPerSilo.Min}-{r.CamerasPerSilo.Max}", $"{r.WindowsDropped.Total}", r.RebalanceSeconds?.ToString("F1", CultureInfo.InvariantCulture) ?? "over 120", r.RecoverySeconds?.ToString("F1", CultureInfo.InvariantCulture) ?? "over 120");
            }

            CliConsole.Out.Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateCluster()
    {
        var cameras = new Option<string>("--cameras") { Description = "camera counts to run, comma-separated", DefaultValueFactory = _ => "1,4,16" };
        var stride = new Option<int>("--stride") { Description = "kept frames between windows", DefaultValueFactory = _ => 8 };
        var batch = new Option<int>("--batch") { Description = "the profile's max inference batch", DefaultValueFactory = _ => 8 };
        var warmup = new Option<double>("--warmup") { Description = "seconds of warm-up after every camera's first label", DefaultValueFactory = _ => 5 };
        var seconds = new Option<double>("--seconds") { Description = "seconds measured per camera count", DefaultValueFactory = _ => 20 };
        var overload = new Option<double>("--overload")
        {
            Description = "windows offered per second, as a multiple of raw ONNX Runtime's; above 1 keeps the pipeline inference-bound, and every surplus window is decoded and preprocessed before it is dropped",
            DefaultValueFactory = _ => 1.2,
        };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var model = new ModelOptions();
        var command = new Command("cluster", "N generated cameras through a real local cluster against raw ONNX Runtime on the same model, in one run") { cameras, stride, batch, warmup, seconds, overload, json };
        model.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = ParseBatches(parse.GetRequiredValue(cameras), "--cameras");
            var maxBatch = parse.GetValue(batch);
            var modelPath = parse.GetRequiredValue(model.Model).FullName;
            var work = Path.Combine(Path.GetTempPath(), $"actionnet-bench-cluster-{Environment.ProcessId}");
            Directory.CreateDirectory(work);
            var results = new List<ClusterBenchResult>();
            try
            {
                // Raw ONNX Runtime in the same process, interleaved with the pipeline phases (the cameras paused meanwhile).
                using var actionModel = model.Load(parse);
                var factory = new InferenceSessionFactory(new InferenceOptions { Providers = [actionModel.ActiveProvider] });
                using var session = factory.Create(actionModel.ModelPath, actionModel.Contract);
                foreach (var n in counts)
                {
                    results.Add(await ClusterBenchmark.RunAsync(
                        modelPath,
                        n,
                        parse.GetValue(stride),
                        maxBatch,
                        () => ModelBenchmark.Run(actionModel, session, Math.Min(n, maxBatch), TimeSpan.FromSeconds(3), 3, cancellationToken).RawWindowsPerSecond,
                        parse.GetValue(overload) is > 1 and var factor ? factor : throw new CliInputException("--overload must be above 1: the pipeline has to be offered more than it can score"),
                        TimeSpan.FromSeconds(parse.GetValue(warmup)),
                        TimeSpan.FromSeconds(parse.GetValue(seconds)),
                        work,
                        message => Console.Error.WriteLine($"bench cluster: {message}"),
                        cancellationToken));
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }

            var marginal = results.Count > 1 && results[^1].Cameras > results[0].Cameras
                ? (results[^1].SiloResidentMb - results[0].SiloResidentMb) / (results[^1].Cameras - results[0].Cameras)
                : (double?)null;
            if (parse.GetValue(json))
            {
                CliJson.Write(new { model = modelPath, results, marginalMemoryPerCameraMb = marginal });
                return 0;
            }

            var table = new Table().AddColumns("cameras", "offered w/s", "raw ORT w/s (batch)", "pipeline w/s", "ratio", "utilisation", "p50 ms", "p95 ms", "p99 ms", "dropped", "silo RSS MB", "events");
            foreach (var r in results)
            {
                table.AddRow($"{r.Cameras}", F(r.OfferedWindowsPerSecond), $"{F(r.RawWindowsPerSecond)} ({r.RawBatch})", F(r.PipelineWindowsPerSecond), r.Ratio.ToString("F2", CultureInfo.InvariantCulture), r.Utilisation.ToString("P0", CultureInfo.InvariantCulture), F(r.LatencyP50Ms), F(r.LatencyP95Ms), F(r.LatencyP99Ms), $"{r.WindowsDropped}", F(r.SiloResidentMb), $"{r.Events}");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{Path.GetFileName(modelPath)}; latency = label handed to Blob storage minus the window's last frame" + (marginal is { } m ? $"; silo memory per extra camera {m:F1} MB" : string.Empty));
            return 0;
        });
        return command;
    }

    private static Command CreateIngest()
    {
        var cameras = new Option<string>("--cameras") { Description = "stream counts to run, comma-separated", DefaultValueFactory = _ => "1,8,32" };
        var source = new Option<string?>("--source") { Description = "stream URL pattern, {i} is replaced by the stream number; default: a local RTSP server, 640x480 at 30 fps" };
        var seconds = new Option<double>("--seconds") { Description = "seconds per side and stream count", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("ingest", "network streams through the camera decode path against a bare ffmpeg decode of the same streams") { cameras, source, seconds, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = ParseBatches(parse.GetRequiredValue(cameras), "--cameras");
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var pattern = parse.GetValue(source);
            await using var server = pattern is null
                ? await RtspServer.StartAsync(new RtspServerOptions { Mounts = [], SharedMounts = ["/bench"], Width = 640, Height = 480, FramesPerSecond = 30 }, cancellationToken: cancellationToken)
                : null;
            var results = new List<IngestBenchResult>();
            foreach (var n in counts)
            {
                Console.Error.WriteLine($"bench ingest: {n} stream(s), bare ffmpeg decode then the camera path, {duration.TotalSeconds:F0} s each");
                var urls = Enumerable.Range(0, n).Select(i => pattern?.Replace("{i}", $"{i}", StringComparison.Ordinal) ?? server!.Url("/bench")).ToList();
                results.Add(await IngestBenchmark.RunAsync(urls, duration, cancellationToken));
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(new { source = pattern is null ? "local RTSP server, H.264 640x480 at 30 fps" : SourceUrl.Redact(pattern), results });
                return 0;
            }

            var table = new Table().AddColumns("streams", "camera path frames/s", "camera path CPU ms/frame", "of which ffmpeg", "bare ffmpeg frames/s", "bare ffmpeg CPU ms/frame", "CPU ratio");
            foreach (var r in results)
            {
                table.AddRow($"{r.Streams}", F(r.FramesPerSecond), F(r.CpuMsPerFrame), F(r.DecoderCpuMsPerFrame), F(r.BareFramesPerSecond), F(r.BareCpuMsPerFrame), r.CpuRatio.ToString("F2", CultureInfo.InvariantCulture));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine("camera path = ffmpeg child (decode, scale to 224x224, planar YUV on a pipe) + YUV to RGB; CPU = user + system of every process involved");
            return 0;
        });
        return command;
    }

    private static Command CreateFaults()
    {
        var drills = new Option<string>("--drills") { Description = $"drills to run, comma-separated: {string.Join(",", DrillCatalog.Names)}", DefaultValueFactory = _ => string.Join(",", DrillCatalog.Names) };
        var outage = new Option<double>("--storage-outage") { Description = "seconds the storage drill keeps Azurite down", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("faults", "fault drills against a real local cluster (silo kill, storage outage, stream restart, bad inputs, cluster restart): recovery times, duplicates, gaps") { drills, outage, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var names = parse.GetRequiredValue(drills).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            var unknown = names.Where(n => !DrillCatalog.Names.Contains(n)).ToList();
            if (names.Count == 0 || unknown.Count > 0)
            {
                throw new CliInputException($"--drills '{parse.GetValue(drills)}' is invalid: {(unknown.Count > 0 ? $"unknown drill '{unknown[0]}'" : "no drill named")}; known drills: {string.Join(", ", DrillCatalog.Names)}");
            }

            var seconds = parse.GetValue(outage);
            if (!(seconds > 0))
            {
                throw new CliInputException($"--storage-outage {seconds} is invalid: expected a number of seconds above 0");
            }

            var options = new DrillOptions { StorageOutage = TimeSpan.FromSeconds(seconds), Log = line => Console.Error.WriteLine($"bench faults: {line}") };
            var results = new List<IDrillResult>();
            foreach (var name in DrillCatalog.Names.Where(names.Contains))
            {
                Console.Error.WriteLine($"bench faults: running the {name} drill");
                results.Add(await DrillCatalog.RunAsync(name, options, cancellationToken));
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(results.Select(r => new
                {
                    drill = r.Drill,
                    fault = r.Fault,
                    recoverySeconds = r.RecoveryTime?.TotalSeconds,
                    duplicates = r.Duplicates,
                    gaps = r.Gaps,
                    outcome = r.Problems.Count == 0 ? "ok" : "problems",
                    problems = r.Problems,
                    details = (object)r,
                }));
                return results.All(r => r.Problems.Count == 0) ? 0 : 1;
            }

            var table = new Table().AddColumns("drill", "fault", "recovery s", "duplicates", "gaps", "outcome");
            foreach (var r in results)
            {
                table.AddRow(r.Drill, Markup.Escape(r.Fault), r.RecoveryTime is { } t ? F(t.TotalSeconds) : "-", $"{r.Duplicates}", $"{r.Gaps}", Markup.Escape(r.Problems.Count == 0 ? "ok" : string.Join("; ", r.Problems)));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine("recovery: silo = kill to first new label stored (slowest moved camera); storage = Azurite back to buffered labels stored and new ones flowing; stream = server kill to first new label stored; restart = new silos up to last camera's first new label stored");
            return results.All(r => r.Problems.Count == 0) ? 0 : 1;
        });
        return command;
    }

    private static List<int> ParseBatches(string value, string option = "--batch") =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var batch) && batch > 0
                ? batch
                : throw new CliInputException($"{option} '{value}' is invalid: expected positive integers separated by commas, e.g. 1,4,8"))];

    private static string F(double value) => value.ToString(value >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
}
