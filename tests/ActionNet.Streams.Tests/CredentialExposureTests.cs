using ActionNet.LocalCluster;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Streams.Tests;

public sealed class CredentialExposureTests
{
    [Fact]
    public async Task NoFfmpegOrFfprobeEverHasThePasswordInItsCommandLineOrEnvironment()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await RtspServer.StartAsync(new RtspServerOptions { User = "alice", Password = password });
        var url = server.Url("/cam", "alice", password) + "?token=" + password;
        var seen = new List<ProcessText>();
        using var stop = new CancellationTokenSource();

        // Sample /proc as fast as it can be read, while ffprobe waits on a frozen server and while ffmpeg streams.
        var watcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var decoders = ProcessTable.Snapshot().Where(p => p.Name is "ffmpeg" or "ffprobe" && p.ParentId == Environment.ProcessId);
                lock (seen)
                {
                    seen.AddRange(decoders);
                }
            }
        });

        server.Pause();
        using var source = ReconnectingFrameSource.ForUrl(url, TestOptions.Fast with { IoTimeout = TimeSpan.FromSeconds(1) }, TestOptions.QuickRetries);
        using var frame = new Mat();
        var reading = Task.Run(() => TestOptions.ReadFrames(source, frame, 20));
        await Poll.Until(() => source.Health.FailedAttempts >= 1, TimeSpan.FromSeconds(20));
        server.Resume();
        Assert.Equal(20, await reading.WaitAsync(TimeSpan.FromSeconds(60)));
        await stop.CancelAsync();
        await watcher;

        // The whole /proc once more, every process but the RTSP server (it is given the password to check it).
        var everyone = ProcessTable.Snapshot().Where(p => !p.CommandLine.Contains("rtsp-server.py", StringComparison.Ordinal)).ToList();
        Assert.Contains(seen, p => p.Name == "ffprobe");
        Assert.Contains(seen, p => p.Name == "ffmpeg" && p.CommandLine.Contains("pipe:0", StringComparison.Ordinal));
        Assert.All(seen.Concat(everyone), p =>
        {
            Assert.DoesNotContain(password, p.CommandLine, StringComparison.Ordinal);
            Assert.DoesNotContain(password, p.Environment, StringComparison.Ordinal);
        });
    }
}
