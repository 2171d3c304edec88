using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>Storage away, the silo SIGKILLed during the outage and restarted on the same journal, storage back.</summary>
public sealed class JournalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryAcknowledgedLabelIsStoredOnceAfterASiloDiesDuringAStorageOutage()
    {
        var options = DrillOutput.Options(output);

        var result = await JournalDrill.RunAsync(options);

        DrillOutput.Report(output, result);
        foreach (var (camera, acknowledged) in result.Acknowledged)
        {
            output.WriteLine($"{camera}: acknowledged up to #{acknowledged}, journal held up to {result.MaxJournalDepth[camera]} labels");
        }

        Assert.All(result.MaxJournalDepth, d => Assert.True(d.Value > 0, $"{d.Key}: nothing was journaled during the outage"));
        Assert.All(result.Acknowledged, a => Assert.True(a.Value >= 0, $"{a.Key}: nothing acknowledged"));
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Problems);
    }
}
