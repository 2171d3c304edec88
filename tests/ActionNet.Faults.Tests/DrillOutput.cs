using ActionNet.Drills;
using Xunit.Abstractions;

namespace ActionNet.Faults.Tests;

/// <summary>Drill options for tests: progress lines go to the test output, and the default patience applies.</summary>
public static class DrillOutput
{
    /// <summary>Options whose log writes to <paramref name="output"/> with a timestamp.</summary>
    public static DrillOptions Options(ITestOutputHelper output) => new()
    {
        Log = line => output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.f} {line}"),
    };

    /// <summary>Writes the drill's headline figures and any problems to <paramref name="output"/>.</summary>
    public static void Report(ITestOutputHelper output, IDrillResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        output.WriteLine($"{result.Drill}: {result.Fault}; recovery {(result.RecoveryTime is { } t ? $"{t.TotalSeconds:F1} s" : "n/a")}; duplicates {result.Duplicates}; gaps {result.Gaps}");
        foreach (var problem in result.Problems)
        {
            output.WriteLine($"problem: {problem}");
        }
    }
}
