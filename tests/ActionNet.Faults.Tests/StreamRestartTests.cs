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
        output.WriteLine($"noticed after {result.Detection.TotalSeconds:F1} s ({result.WhileDown.State}: {result.WhileDown.LastError}); server down {result.Downtime.TotalSeconds:F1} s; labels {result.AfterRestart.TotalSeconds:F1} s after it returned");
        Assert.Contains(result.WhileDown.State, new[] { CameraState.Reconnecting, CameraState.Connecting });
        Assert.DoesNotContain(result.Password, result.WhileDown.LastError!, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.WhileDown.LastError!);
        Assert.Equal(CameraState.Streaming, result.Final.State);
        Assert.True(result.Final.ReconnectCount >= 1, $"reconnects: {result.Final.ReconnectCount}");
        Assert.Contains($":{SourceUrl.Mask}@", result.Final.RedactedSource, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Password, result.Final.RedactedSource, StringComparison.Ordinal);
        Assert.True(result.Events.After > 0);
        Assert.True(result.AfterRestart < TimeSpan.FromSeconds(30), $"labels resumed {result.AfterRestart.TotalSeconds:F1} s after the server returned");
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Problems);
    }
}
