using System.Diagnostics;

namespace ActionNet.Streams.Tests;

/// <summary>Waits for a condition by polling with a deadline (never a bare sleep).</summary>
public static class Poll
{
    public static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"condition not met within {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
