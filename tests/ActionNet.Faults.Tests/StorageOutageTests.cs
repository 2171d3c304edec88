using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>Storage (Azurite) goes away for 30 s and comes back with its data.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LabelsBufferWhileStorageIsDownAndAreAllWrittenOnceWhenItReturns()
    {
        var options = DrillOutput.Options(output);

        var result = await StorageOutageDrill.RunAsync(options);

        DrillOutput.Report(output, result);
        foreach (var (camera, buffered) in result.MaxBuffered)
        {
            output.WriteLine($"{camera}: up to {buffered} labels buffered (bound {result.BufferLimit}); error shown: {result.HistoryErrorDuringOutage[camera]}; windows dropped {result.WindowsDropped[camera]}");
        }

        Assert.True(result.Outage >= options.StorageOutage);
        Assert.Equal(options.MaxBufferedEvents, result.BufferLimit);
        Assert.All(result.MaxBuffered, b => Assert.InRange(b.Value, 1, result.BufferLimit));
        Assert.All(result.HistoryErrorDuringOutage, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} showed no history error"));
        Assert.All(result.HistoryErrorDuringOutage, e => Assert.DoesNotContain('\n', e.Value!));
        Assert.True(result.EventsDuringOutage > 0, "no label of a window captured during the outage was stored");
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Holes);
        Assert.Equal(0, result.Gaps);
        Assert.All(result.FinalStates, f => Assert.Equal(CameraState.Streaming, f.Value));
        Assert.All(result.FinalHistoryErrors, f => Assert.Null(f.Value));
        Assert.Empty(result.Problems);
    }
}
