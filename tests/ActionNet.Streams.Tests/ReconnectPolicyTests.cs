using ActionNet.Vision.Sources;

namespace ActionNet.Streams.Tests;

public sealed class ReconnectPolicyTests
{
    private readonly ReconnectPolicy _policy = new() { BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1_000)]
    [InlineData(4, 4_000)]
    [InlineData(7, 30_000)]
    [InlineData(1_000, 30_000)]
    public void BackoffCeilingDoublesPerFailureUpToTheCap(int failures, double ceilingMs)
    {
        Assert.Equal(ceilingMs, _policy.DelayAfter(failures, 0.999_999_999).TotalMilliseconds, precision: 0);
        Assert.Equal(ceilingMs / 2, _policy.DelayAfter(failures, 0.5).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void FullJitterCanRetryImmediately() => Assert.Equal(TimeSpan.Zero, _policy.DelayAfter(5, 0));

    [Theory]
    [InlineData(StreamFault.Unauthorized, true, true)]
    [InlineData(StreamFault.NotFound, true, true)]
    [InlineData(StreamFault.Forbidden, true, true)]
    [InlineData(StreamFault.UnknownHost, true, true)]
    [InlineData(StreamFault.HostUnreachable, true, false)]
    [InlineData(StreamFault.InvalidData, false, true)]
    [InlineData(StreamFault.InvalidData, true, false)]
    [InlineData(StreamFault.ConnectionRefused, true, false)]
    [InlineData(StreamFault.Stalled, true, false)]
    [InlineData(StreamFault.EndOfStream, true, false)]
    public void OnlyFaultsRetryingCannotFixArePermanent(StreamFault fault, bool network, bool permanent) =>
        Assert.Equal(permanent, ReconnectPolicy.IsPermanent(fault, network));

    [Theory]
    [InlineData(3840, 2160, 1920, 1080)]
    [InlineData(1920, 1080, 1920, 1080)]
    [InlineData(640, 480, 640, 480)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(8000, 100, 1920, 24)]
    [InlineData(100, 8000, 14, 1080)]
    [InlineData(20000, 1, 1920, 1)]
    public void OutputSizeFitsTheCapKeepingTheAspectRatio(int width, int height, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), FfmpegFrameSource.OutputSize(width, height, 1920, 1080));
}
