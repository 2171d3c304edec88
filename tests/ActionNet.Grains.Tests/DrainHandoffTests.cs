using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;

namespace ActionNet.Grains.Tests;

/// <summary>When a camera has left a draining silo for good: the rule both drains (silo and CLI) wait on.</summary>
public sealed class DrainHandoffTests
{
    private const string Leaving = "t4-1";

    [Fact]
    public void ACameraStreamingElsewhereHasHandedOffOnlyOnceItScoredThere()
    {
        Assert.False(DrainHandoff.HandedOff(Status(CameraState.Streaming, "t4-2", scored: 0), Leaving));
        Assert.True(DrainHandoff.HandedOff(Status(CameraState.Streaming, "t4-2", scored: 1), Leaving));
    }

    [Fact]
    public void ACameraStillOnTheLeavingSiloOrStillOpeningItsSourceHasNot()
    {
        Assert.False(DrainHandoff.HandedOff(Status(CameraState.Streaming, Leaving, scored: 40), Leaving));
        Assert.False(DrainHandoff.HandedOff(Status(CameraState.Connecting, "t4-2", scored: 0), Leaving));
        Assert.False(DrainHandoff.HandedOff(Status(CameraState.Reconnecting, Leaving, scored: 0), Leaving));
    }

    [Theory]
    [InlineData(CameraState.Reconnecting)]
    [InlineData(CameraState.WaitingForAccelerator)]
    public void ACameraElsewhereThatCannotScoreNowHasHandedOff(CameraState state) =>
        Assert.True(DrainHandoff.HandedOff(Status(state, "t4-2", scored: 0), Leaving));

    [Theory]
    [InlineData(CameraState.Stopped)]
    [InlineData(CameraState.Disabled)]
    [InlineData(CameraState.Failed)]
    public void ACameraThatRunsNowhereHasHandedOffWhereverItsGrainLives(CameraState state) =>
        Assert.True(DrainHandoff.HandedOff(Status(state, Leaving, scored: 0), Leaving));

    private static CameraStatus Status(CameraState state, string silo, long scored) =>
        new() { CameraId = "cam", State = state, Silo = silo, WindowsScored = scored };
}
