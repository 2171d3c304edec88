using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>A silo process is killed (SIGKILL) while cameras stream on it and on another silo.</summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledSilosCamerasResumeWithinAMinuteWithOneGapAndNoDuplicatesWhileTheOthersCarryOn()
    {
        var result = await SiloKillDrill.RunAsync(DrillOutput.Options(output));
        DrillOutput.Report(output, result);
        foreach (var (camera, time) in result.CameraRecovery)
        {
            output.WriteLine($"{camera}: labelled again {time.TotalSeconds:F1} s after the kill, on {result.ResumedOn[camera]}");
        }

        foreach (var (camera, pause) in result.KeptLongestPause)
        {
            output.WriteLine($"{camera} (kept): longest pause between labels {pause.TotalSeconds:F1} s");
        }

        Assert.NotEmpty(result.MovedCameras);
        Assert.NotEmpty(result.KeptCameras);
        Assert.True(result.RecoveryTime <= SiloKillDrill.RecoveryLimit, $"recovery took {result.RecoveryTime?.TotalSeconds:F1} s");
        Assert.All(result.MovedCameras, c => Assert.NotEqual(result.KilledSilo, result.ResumedOn[c]));
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Holes);
        foreach (var camera in result.MovedCameras)
        {
            var gap = Assert.Single(result.GapRecords, g => g.CameraId == camera);
            Assert.InRange(result.KilledAt, gap.Start, gap.End);
        }

        Assert.DoesNotContain(result.GapRecords, g => result.KeptCameras.Contains(g.CameraId));
        Assert.All(result.KeptCameras, c => Assert.True(result.KeptLongestPause[c] <= TimeSpan.FromSeconds(new DrillOptions().GapSeconds), $"{c} paused {result.KeptLongestPause[c].TotalSeconds:F1} s"));
        Assert.True(result.EventsAfter > 0);
        Assert.All(result.FinalStates, s => Assert.Equal(CameraState.Streaming, s.Value));
        Assert.Empty(result.Problems);
    }
}
