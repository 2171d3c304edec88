using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>An RTSP camera's server is killed and restarted on the same port.</summary>
public sealed class StreamRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CameraReconnectsByItselfWhenItsRtspServerComesBackAndLabelsResume()
    {
        var result = await StreamRestartDrill.RunAsync(DrillOutput.Options(output));

        DrillOutput.Report(output, result);
        output.WriteLine($"noticed after {result.Detection.TotalSeconds:F1} s ({result.StateWhileDown}: {result.ErrorWhileDown}); server down {result.Downtime.TotalSeconds:F1} s; labels {result.AfterRestart.TotalSeconds:F1} s after it returned");
        Assert.Contains(result.StateWhileDown, new[] { CameraState.Reconnecting, CameraState.Connecting });
        Assert.DoesNotContain(result.Password, result.ErrorWhileDown!, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.ErrorWhileDown!);
        Assert.Equal(CameraState.Streaming, result.Final.State);
        Assert.True(result.Final.ReconnectCount >= 1, $"reconnects: {result.Final.ReconnectCount}");
        Assert.Contains($":{SourceUrl.Mask}@", result.Final.RedactedSource, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Password, result.Final.RedactedSource, StringComparison.Ordinal);
        Assert.True(result.EventsAfter > 0);
        Assert.True(result.AfterRestart < TimeSpan.FromSeconds(30), $"labels resumed {result.AfterRestart.TotalSeconds:F1} s after the server returned");
        var gap = Assert.Single(result.GapRecords);
        Assert.InRange(result.KilledAt + result.Downtime, gap.Start, gap.End);
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Problems);
    }
}
