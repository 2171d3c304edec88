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
        Assert.True(result.Outcomes.Count >= 20, $"{result.Outcomes.Count} kinds of bad input");
        Assert.All(result.Outcomes, o => Assert.True(o.Ok, $"{o.Camera} ({o.Input}): expected {o.Expected}, got {o.State}: {o.LastError}"));
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
        Assert.Equal(CameraState.Failed, Outcome(result, "no-such-host").State);
        Assert.Contains("unknown host name", Outcome(result, "no-such-host").LastError, StringComparison.Ordinal);
        Assert.Contains($"password={SourceUrl.Mask}", Outcome(result, "query-password").Source, StringComparison.Ordinal);
        Assert.Equal(CameraState.Failed, Outcome(result, "roi-stream").State);
        Assert.Equal(CameraState.Streaming, Outcome(result, "uppercase-scheme").State);
        var refused = result.Outcomes.Where(o => o.Refused).ToList();
        Assert.True(refused.Count >= 10, $"{refused.Count} refused kinds");
        Assert.All(refused, o => Assert.Equal(CameraState.Stopped, o.State));
        Assert.All(refused, o => Assert.DoesNotContain(o.LastError!, char.IsControl));
        Assert.Contains("is outside the media folders", Outcome(result, "etc-passwd").LastError, StringComparison.Ordinal);
        Assert.Contains("is a directory", Outcome(result, "directory").LastError, StringComparison.Ordinal);
        Assert.True(result.HealthyEvents > 0);
        Assert.Equal(0, result.HealthyGaps);
        Assert.True(result.HealthyLongestPause <= TimeSpan.FromSeconds(new DrillOptions().GapSeconds), $"the healthy camera paused {result.HealthyLongestPause.TotalSeconds:F1} s");
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Problems);
    }

    private static BadInputOutcome Outcome(BadInputsResult result, string camera) => Assert.Single(result.Outcomes, o => o.Camera == camera);
}
