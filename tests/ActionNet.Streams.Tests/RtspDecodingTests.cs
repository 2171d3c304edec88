using ActionNet.LocalCluster;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Streams.Tests;

public sealed class RtspDecodingTests
{
    [Fact]
    public async Task RtspStreamDecodesFramesOfTheProbedSizeWithArrivalAndStreamTimestamps()
    {
        await using var server = await RtspServer.StartAsync(new RtspServerOptions { Width = 320, Height = 240, FramesPerSecond = 15 });
        using var source = FfmpegFrameSource.Open(server.Url(), TestOptions.Fast);
        using var frame = new Mat();

        Assert.Equal((320, 240), (source.Width, source.Height));
        Assert.Equal(15, source.FramesPerSecond, precision: 1);
        Assert.True(source.IsNetworkStream);
        var arrivals = new List<DateTimeOffset>();
        var streamTimes = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(source.Read(frame));
            Assert.Equal((320, 240, MatType.CV_8UC3), (frame.Width, frame.Height, frame.Type()));
            arrivals.Add(source.LastFrameArrivedAt!.Value);
            streamTimes.Add(source.LastFrameStreamTime!.Value);
        }

        // The ball pattern is not a blank frame.
        Assert.True(Cv2.Mean(frame).Val0 + Cv2.Mean(frame).Val1 + Cv2.Mean(frame).Val2 > 1);
        Assert.True(arrivals.Zip(arrivals.Skip(1)).All(p => p.Second >= p.First));
        Assert.True(streamTimes.Zip(streamTimes.Skip(1)).All(p => p.Second > p.First), string.Join(", ", streamTimes));

        // 15 fps: consecutive presentation times are about 1/15 s apart.
        var step = (streamTimes[^1] - streamTimes[0]).TotalSeconds / (streamTimes.Count - 1);
        Assert.InRange(step, 0.05, 0.09);
        Assert.Equal(10, source.FramesRead);
    }

    [Fact]
    public async Task CredentialsInTheUrlOpenAProtectedMount()
    {
        await using var server = await RtspServer.StartAsync(new RtspServerOptions { User = "alice", Password = "s3cr@t:x" });
        using var source = FfmpegFrameSource.Open(server.Url("/cam", "alice", "s3cr@t:x"), TestOptions.Fast);
        using var frame = new Mat();

        Assert.True(source.Read(frame));
        Assert.Equal("rtsp://alice:***@127.0.0.1:" + server.Port + "/cam", source.DisplayName);
    }

    [Fact]
    public async Task ReconnectingSourceReadsALiveStreamAndReportsItsHealth()
    {
        await using var server = await RtspServer.StartAsync(new RtspServerOptions { FramesPerSecond = 15 });
        using var source = ReconnectingFrameSource.ForUrl(server.Url(), TestOptions.Fast, TestOptions.QuickRetries);
        using var frame = new Mat();

        Assert.Equal(StreamState.Connecting, source.Health.State);
        Assert.Equal(60, TestOptions.ReadFrames(source, frame, 60));

        var health = source.Health;
        Assert.Equal(StreamState.Streaming, health.State);
        Assert.Equal(60, health.FramesReceived);
        Assert.Equal((320, 240), (health.Width, health.Height));
        Assert.Equal(0, health.Reconnects);
        Assert.Null(health.LastError);
        Assert.NotNull(health.LastFrameStreamTime);
        Assert.NotNull(health.StreamingSince);

        // The frames ffmpeg buffers while it analyses the stream (about 1 s) arrive in a burst; the meter's
        // window (the last 32 frames) is past them after 60 frames and sees the live 15 fps.
        Assert.InRange(health.MeasuredFramesPerSecond, 11, 19);
    }
}
