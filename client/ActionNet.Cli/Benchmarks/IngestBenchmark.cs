using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Reads N network streams the way the camera pipeline does (one ffmpeg child per stream asked for model
/// frames: scaled to 224x224 in ffmpeg, planar YUV 4:4:4 over a pipe, converted to RGB and copied into the
/// model buffer) and, in the same run, decodes the same streams with bare <c>ffmpeg -f null</c>, so the
/// overhead of the camera path is a ratio measured on one machine at one time. Neither side passes
/// <c>-threads</c>: both decode with ffmpeg's default threading.
/// </summary>
public static partial class IngestBenchmark
{
    private const double ClockTicksPerSecond = 100;
    private const int ModelHeight = 224;
    private const int ModelWidth = 224;

    // A server that stops answering ends the bare decode instead of hanging the benchmark (seen on a loaded machine).
    private const string BareSocketTimeoutMicroseconds = "10000000";

    /// <summary>Runs both sides for <paramref name="duration"/> against <paramref name="urls"/> (one per stream).</summary>
    public static async Task<IngestBenchResult> RunAsync(IReadOnlyList<string> urls, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var (bareFrames, bareCpu) = await BareDecodeAsync(urls, duration, cancellationToken);
        var (frames, cpu, decoderCpu, seconds) = await CameraPathAsync(urls, duration, cancellationToken);
        return new IngestBenchResult(
            urls.Count,
            duration.TotalSeconds,
            frames / seconds,
            frames == 0 ? 0 : cpu.TotalMilliseconds / frames,
            frames == 0 ? 0 : decoderCpu.TotalMilliseconds / frames,
            bareFrames / duration.TotalSeconds,
            bareFrames == 0 ? 0 : bareCpu.TotalMilliseconds / bareFrames);
    }

    // Readers run for a one-second warm-up (JIT, first key frame) before CPU and frames are counted.
    private static async Task<(long Frames, TimeSpan Cpu, TimeSpan DecoderCpu, double Seconds)> CameraPathAsync(IReadOnlyList<string> urls, TimeSpan duration, CancellationToken cancellationToken)
    {
        var options = new FfmpegSourceOptions { MaxFramesPerSecond = 1000, ModelFrame = new ModelFrameShape(ModelHeight, ModelWidth) };
        var sources = urls.Select(url => FfmpegFrameSource.Open(url, options, cancellationToken: cancellationToken)).ToList();
        var counts = new long[sources.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = sources.Select((source, i) => Task.Factory.StartNew(
            () => Read(source, ref counts[i], stop.Token),
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var framesBefore = counts.Sum(c => Interlocked.Read(ref c));
            var own = Process.GetCurrentProcess().TotalProcessorTime;
            var children = sources.Sum(s => ChildCpuTicks(s.DecoderProcessId));
            var clock = Stopwatch.StartNew();
            await Task.Delay(duration, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var frames = counts.Sum(c => Interlocked.Read(ref c)) - framesBefore;
            var childCpu = TimeSpan.FromSeconds((sources.Sum(s => ChildCpuTicks(s.DecoderProcessId)) - children) / ClockTicksPerSecond);
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - own;
            return (frames, childCpu + ownCpu, childCpu, seconds);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var source in sources)
            {
                source.Dispose();
            }

            await Task.WhenAll(readers).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static void Read(FfmpegFrameSource source, ref long frames, CancellationToken cancellationToken)
    {
        using var frame = new Mat();
        using var preprocessor = new FramePreprocessor(ModelHeight, ModelWidth, ResizeMode.Stretch);
        var model = new byte[preprocessor.FrameBytes];
        while (!cancellationToken.IsCancellationRequested && source.Read(frame))
        {
            preprocessor.ProcessModelFrame(frame, model);
            Interlocked.Increment(ref frames);
        }
    }

    private static async Task<(long Frames, TimeSpan Cpu)> BareDecodeAsync(IReadOnlyList<string> urls, TimeSpan duration, CancellationToken cancellationToken)
    {
        var runs = urls.Select(url =>
        {
            var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-hide_banner", "-nostdin", "-benchmark", "-rtsp_transport", "tcp", "-timeout", BareSocketTimeoutMicroseconds, "-i", url, "-t", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "-map", "0:v:0", "-f", "null", "-" })
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start ffmpeg");
            return (process, stderr: process.StandardError.ReadToEndAsync(cancellationToken));
        }).ToList();

        long frames = 0;
        var cpu = TimeSpan.Zero;
        foreach (var (process, stderr) in runs)
        {
            using (process)
            {
                var text = await stderr;
                await process.WaitForExitAsync(cancellationToken);
                var frameMatches = FrameCount().Matches(text);
                var bench = Benchmark().Match(text);
                if (frameMatches.Count == 0 || !bench.Success)
                {
                    throw new InvalidOperationException($"bare ffmpeg decode printed no frame count or benchmark line (exit {process.ExitCode})");
                }

                frames += long.Parse(frameMatches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
                cpu += TimeSpan.FromSeconds(double.Parse(bench.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(bench.Groups[2].Value, CultureInfo.InvariantCulture));
            }
        }

        return (frames, cpu);
    }

    // utime + stime of a child process, in clock ticks, from /proc/<pid>/stat (fields 14 and 15).
    private static long ChildCpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"frame=\s*(\d+)")]
    private static partial Regex FrameCount();

    [GeneratedRegex(@"bench: utime=([\d.]+)s stime=([\d.]+)s")]
    private static partial Regex Benchmark();
}
