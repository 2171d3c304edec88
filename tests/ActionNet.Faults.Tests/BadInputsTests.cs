using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>Bad and unusual inputs registered beside a healthy camera.</summary>
public sealed class BadInputsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BadInputsEndInAClearStatusUnusualOnesStreamAndTheHealthyCameraLabelsThroughout()
    {
        var result = await BadInputsDrill.RunAsync(DrillOutput.Options(output));

        DrillOutput.Report(output, result);
        foreach (var o in result.Outcomes)
        {
            output.WriteLine($"{o.Camera} ({o.Input}): {o.State}, {o.Events} labels; {o.LastError ?? "no error"}");
        }

        output.WriteLine($"healthy: {result.HealthyEvents} labels, longest pause {result.HealthyLongestPause.TotalSeconds:F1} s, {result.HealthyGaps} gap(s)");
        Assert.True(result.SilosRunning, "a silo crashed");
        Assert.Equal(10, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.DoesNotContain('\n', o.LastError ?? ""));
        Assert.All(result.Outcomes.Where(o => o.State != CameraState.Streaming), o => Assert.False(string.IsNullOrWhiteSpace(o.LastError), $"{o.Camera} has no error"));
        Assert.Equal(CameraState.Failed, Outcome(result, "unauthorized").State);
        Assert.Contains("401", Outcome(result, "unauthorized").LastError, StringComparison.Ordinal);
        Assert.Contains($":{SourceUrl.Mask}@", Outcome(result, "unauthorized").LastError, StringComparison.Ordinal);
        Assert.Contains($":{SourceUrl.Mask}@", Outcome(result, "unauthorized").Source, StringComparison.Ordinal);
        Assert.Equal(CameraState.Failed, Outcome(result, "wrong-path").State);
        Assert.Contains("404", Outcome(result, "wrong-path").LastError, StringComparison.Ordinal);
        Assert.Contains("connection refused", Outcome(result, "refused").LastError, StringComparison.Ordinal);
        Assert.All(new[] { "refused", "unreachable", "stall" }, c => Assert.Contains(Outcome(result, c).State, new[] { CameraState.Connecting, CameraState.Reconnecting }));
        Assert.All(new[] { "truncated", "corrupt" }, c => Assert.Equal(CameraState.Failed, Outcome(result, c).State));
        Assert.All(new[] { "truncated", "corrupt" }, c => Assert.Contains("not a readable video", Outcome(result, c).LastError, StringComparison.Ordinal));
        Assert.All(new[] { "resolution", "one-pixel", "uhd" }, c => Assert.Equal(CameraState.Streaming, Outcome(result, c).State));
        Assert.All(new[] { "resolution", "one-pixel", "uhd" }, c => Assert.True(Outcome(result, c).Events >= 3, $"{c}: {Outcome(result, c).Events} labels"));
        Assert.True(result.HealthyEvents > 0);
        Assert.Equal(0, result.HealthyGaps);
        Assert.True(result.HealthyLongestPause <= TimeSpan.FromSeconds(new DrillOptions().GapSeconds), $"the healthy camera paused {result.HealthyLongestPause.TotalSeconds:F1} s");
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Problems);
    }

    private static BadInputOutcome Outcome(BadInputsResult result, string camera) => Assert.Single(result.Outcomes, o => o.Camera == camera);
}
