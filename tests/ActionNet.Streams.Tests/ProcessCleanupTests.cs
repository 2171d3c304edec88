using ActionNet.LocalCluster;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Streams.Tests;

/// <summary>Runs alone (no other test's decoders running), so "no ffmpeg child left" means exactly that.</summary>
[CollectionDefinition(nameof(ProcessCleanupTests), DisableParallelization = true)]
public sealed class ProcessCleanupCollection;

[Collection(nameof(ProcessCleanupTests))]
public sealed class ProcessCleanupTests
{
    [Fact]
    public async Task NoFfmpegOrFfprobeChildOutlivesDisposalOfOpenFailedOrReconnectingSources()
    {
        await using var server = await RtspServer.StartAsync();
        using var frame = new Mat();
        var decoders = new List<int>();

        using (var source = FfmpegFrameSource.Open(server.Url(), TestOptions.Fast))
        {
            Assert.True(source.Read(frame));
            decoders.Add(source.DecoderProcessId);
            Assert.NotEmpty(ProcessTable.DecoderChildren());
        }

        Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open(server.Url("/missing"), TestOptions.Fast));

        // Disposed from another thread while a read is blocked on a frozen server.
        var blocked = FfmpegFrameSource.Open(server.Url(), TestOptions.Fast with { StallTimeout = TimeSpan.FromMinutes(5) });
        decoders.Add(blocked.DecoderProcessId);
        Assert.True(blocked.Read(frame));
        server.Pause();
        var reading = Task.Run(() => TestOptions.ReadFrames(blocked, frame, 10_000));
        await Poll.Until(() => DateTimeOffset.UtcNow - blocked.LastFrameArrivedAt > TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
        blocked.Dispose();
        Assert.InRange(await reading.WaitAsync(TimeSpan.FromSeconds(10)), 0, 9_999);
        server.Resume();

        using (var reconnecting = ReconnectingFrameSource.ForUrl(server.Url(), TestOptions.Fast, TestOptions.QuickRetries))
        {
            Assert.True(reconnecting.Read(frame));
        }

        Assert.All(decoders, pid => Assert.False(ProcessTable.Exists(pid), $"ffmpeg {pid} is still there"));
        Assert.Empty(ProcessTable.DecoderChildren());
    }
}
