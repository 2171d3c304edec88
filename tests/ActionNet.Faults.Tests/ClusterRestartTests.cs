using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>Every silo is stopped (SIGTERM) and as many start again in the same cluster.</summary>
public sealed class ClusterRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryCameraComesBackByItselfAfterTheWholeClusterRestartsWithNoDuplicateSequences()
    {
        var result = await ClusterRestartDrill.RunAsync(DrillOutput.Options(output));

        DrillOutput.Report(output, result);
        output.WriteLine($"stop took {result.StopTime.TotalSeconds:F1} s; labels before {result.EventsBefore}, after {result.EventsAfter}");
        foreach (var (camera, time) in result.CameraRecovery)
        {
            output.WriteLine($"{camera}: labelled again {time.TotalSeconds:F1} s after the new silos were up");
        }

        Assert.Equal(result.Cameras.Order(StringComparer.Ordinal), result.Registered.Where(result.Cameras.Contains).Order(StringComparer.Ordinal));
        Assert.Equal(result.Cameras.Count, result.CameraRecovery.Count);
        Assert.True(result.RecoveryTime < TimeSpan.FromSeconds(60), $"recovery took {result.RecoveryTime?.TotalSeconds:F1} s");
        Assert.True(result.EventsAfter >= 3 * result.Cameras.Count);
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Holes);
        Assert.All(result.FinalStates, s => Assert.Equal(CameraState.Streaming, s.Value));
        Assert.Empty(result.Problems);
    }
}
