using System.Diagnostics;
using ActionNet.LocalCluster;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Streams.Tests;

public sealed class StreamErrorTests
{
    private const string Password = "hunter2-secret";

    [Fact]
    public async Task WrongPasswordFailsWithOne401LineThatMasksThePassword()
    {
        await using var server = await RtspServer.StartAsync(new RtspServerOptions { User = "alice", Password = "right-one" });

        var error = Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open(server.Url("/cam", "alice", Password), TestOptions.Fast));

        Assert.Equal($"rtsp://alice:***@127.0.0.1:{server.Port}/cam: 401 Unauthorized (check the credentials)", error.Message);
        Assert.Equal(StreamFault.Unauthorized, error.Fault);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconnectingSourceGivesUpOnBadCredentialsAfterAFewTries()
    {
        await using var server = await RtspServer.StartAsync(new RtspServerOptions { User = "alice", Password = "right-one" });
        using var source = ReconnectingFrameSource.ForUrl(server.Url("/cam", "alice", Password), TestOptions.Fast, TestOptions.QuickRetries);
        using var frame = new Mat();

        var error = Assert.Throws<VideoSourceException>(() => source.Read(frame));

        var health = source.Health;
        Assert.Equal(StreamState.Failed, health.State);
        Assert.Equal(3, health.FailedAttempts);
        Assert.Equal(StreamFault.Unauthorized, health.LastFault);
        Assert.Contains("401 Unauthorized", health.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, health.LastError, StringComparison.Ordinal);
        Assert.Equal(error.Message, health.LastError);

        // Once failed it stays failed, without trying again.
        Assert.Throws<VideoSourceException>(() => source.Read(frame));
        Assert.Equal(3, source.Health.FailedAttempts);
    }

    [Theory]
    [InlineData("rtsp://no-such-camera.invalid/cam")]
    [InlineData("rtsp://-i")]
    public void HostNameThatCannotResolveEndsInFailedAfterAFewTries(string url)
    {
        using var source = ReconnectingFrameSource.ForUrl(url, TestOptions.Fast, TestOptions.QuickRetries);
        using var frame = new Mat();

        var error = Assert.Throws<VideoSourceException>(() => source.Read(frame));

        Assert.Equal(StreamState.Failed, source.Health.State);
        Assert.Equal(StreamFault.UnknownHost, source.Health.LastFault);
        Assert.Equal(3, source.Health.FailedAttempts);
        Assert.Equal($"{url}: unknown host name (no such host: check the address)", error.Message);
    }

    [Fact]
    public async Task WrongPathOnALiveServerIsA404()
    {
        await using var server = await RtspServer.StartAsync();

        var error = Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open(server.Url("/no-such-camera"), TestOptions.Fast));

        Assert.Equal($"rtsp://127.0.0.1:{server.Port}/no-such-camera: 404 Not Found (wrong path?)", error.Message);
        Assert.Equal(StreamFault.NotFound, error.Fault);
    }

    [Fact]
    public void RefusedPortFailsFastWithOneLine()
    {
        var port = FreePorts.Take(1)[0];
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open($"rtsp://bob:{Password}@127.0.0.1:{port}/cam", TestOptions.Fast));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.StartsWith($"rtsp://bob:***@127.0.0.1:{port}/cam: connection refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(StreamFault.ConnectionRefused, error.Fault);
    }

    [Fact]
    public void ServerThatAcceptsButNeverAnswersFailsWithinTheIoTimeout()
    {
        using var silent = new SilentTcpServer();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open($"rtsp://127.0.0.1:{silent.Port}/cam", TestOptions.Fast with { IoTimeout = TimeSpan.FromSeconds(1) }));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
        Assert.StartsWith($"rtsp://127.0.0.1:{silent.Port}/cam: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingLocalFileIsNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.mp4");

        var error = Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open(path, TestOptions.Fast));

        Assert.Equal($"{path}: no such file (check the path)", error.Message);
        Assert.Equal(StreamFault.NotFound, error.Fault);
    }
}
