using System.Diagnostics;
using ActionNet.LocalCluster;
using ActionNet.Vision.Sources;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Streams.Tests;

public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    private readonly TestOutputLogger _log = new(output);

    [Fact]
    public async Task KilledAndRestartedServerIsReconnectedAndFramesResume()
    {
        await using var server = await RtspServer.StartAsync();
        using var source = ReconnectingFrameSource.ForUrl(server.Url(), TestOptions.Fast, TestOptions.QuickRetries, _log);
        using var frame = new Mat();
        Assert.Equal(5, TestOptions.ReadFrames(source, frame, 5));

        await server.KillAsync();

        // The reader runs on, as a camera's ingest loop would: through the loss, the refused reconnects
        // while the server is down, and the reconnection once it is back.
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var resumed = Task.Run(() =>
        {
            using var next = new Mat();
            for (var i = 0; i < 10_000 && !reading.IsCancellationRequested; i++)
            {
                Assert.True(source.Read(next));
                if (source.Health.Reconnects >= 1 && source.Health.FramesReceived >= 30)
                {
                    return;
                }
            }

            Assert.Fail("frames did not resume");
        });

        await Poll.Until(() => source.Health.State == StreamState.Reconnecting, TimeSpan.FromSeconds(20));
        await server.RestartAsync();
        await resumed.WaitAsync(TimeSpan.FromSeconds(60));

        var health = source.Health;
        Assert.Equal(StreamState.Streaming, health.State);
        Assert.True(health.Reconnects >= 1);
        Assert.NotNull(health.LastError);
        Assert.Equal((320, 240), (source.Width, source.Height));
    }

    [Fact]
    public async Task FrozenServerIsDetectedAsAStallAndTheDecoderIsKilled()
    {
        await using var server = await RtspServer.StartAsync();
        var options = TestOptions.Fast with { StallTimeout = TimeSpan.FromSeconds(1.5) };
        var source = FfmpegFrameSource.Open(server.Url(), options);
        using var frame = new Mat();
        Assert.Equal(3, TestOptions.ReadFrames(source, frame, 3));
        var decoder = source.DecoderProcessId;

        server.Pause();
        var clock = Stopwatch.StartNew();

        // Frames already in the pipe still arrive; the read after them waits and fails.
        var error = Assert.Throws<VideoSourceException>(() => TestOptions.ReadFrames(source, frame, 1_000));

        Assert.Equal($"rtsp://127.0.0.1:{server.Port}/cam: stalled: no frame for 1.5 s", error.Message);
        Assert.Equal(StreamFault.Stalled, error.Fault);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 8);
        source.Dispose();
        Assert.False(ProcessTable.Exists(decoder));
        server.Resume();
    }

    [Fact]
    public async Task HungCameraThatRecoversIsReconnectedAfterTheStall()
    {
        await using var server = await RtspServer.StartAsync();
        var options = TestOptions.Fast with { StallTimeout = TimeSpan.FromSeconds(1), IoTimeout = TimeSpan.FromSeconds(1) };
        using var source = ReconnectingFrameSource.ForUrl(server.Url(), options, TestOptions.QuickRetries, _log);
        using var frame = new Mat();
        Assert.Equal(3, TestOptions.ReadFrames(source, frame, 3));

        server.Pause();
        var reading = Task.Run(() => TestOptions.ReadFrames(source, frame, 10_000));
        await Poll.Until(() => source.Health.LastFault == StreamFault.Stalled, TimeSpan.FromSeconds(15));
        server.Resume();
        await Poll.Until(() => source.Health is { State: StreamState.Streaming, Reconnects: >= 1 }, TimeSpan.FromSeconds(30));

        Assert.Contains("stalled: no frame for 1 s", source.Health.LastError, StringComparison.Ordinal);
        source.Dispose();
        Assert.False(await reading.WaitAsync(TimeSpan.FromSeconds(10)) == 10_000);
    }

    [Fact]
    public async Task CancellationEndsABlockedReadAtOnce()
    {
        await using var server = await RtspServer.StartAsync();
        using var cancel = new CancellationTokenSource();
        var options = TestOptions.Fast with { StallTimeout = TimeSpan.FromMinutes(5) };
        using var source = ReconnectingFrameSource.ForUrl(server.Url(), options, TestOptions.QuickRetries, _log, cancel.Token);
        using var frame = new Mat();
        Assert.Equal(3, TestOptions.ReadFrames(source, frame, 3));

        server.Pause();
        var reading = Task.Run(() => TestOptions.ReadFrames(source, frame, 10_000));

        // Blocked: the frames already buffered are read and nothing new has come for a while.
        await Poll.Until(() => DateTimeOffset.UtcNow - source.Health.LastFrameArrivedAt > TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        server.Resume();
    }

    [Fact]
    public async Task CancellationEndsTheBackoffWaitAtOnce()
    {
        var port = FreePorts.Take(1)[0];
        using var cancel = new CancellationTokenSource();
        var slow = new ReconnectPolicy { BaseDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1) };
        using var source = ReconnectingFrameSource.ForUrl($"rtsp://127.0.0.1:{port}/cam", TestOptions.Fast, slow, _log, cancel.Token);
        var reading = Task.Run(() =>
        {
            using var frame = new Mat();
            return source.Read(frame);
        });

        await Poll.Until(() => source.Health.State == StreamState.Reconnecting, TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(StreamFault.ConnectionRefused, source.Health.LastFault);
    }
}
