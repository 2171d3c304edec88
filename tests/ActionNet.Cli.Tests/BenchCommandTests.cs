using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary>Smoke tests of <c>actionnet bench</c>: the commands run and report positive rates. Never a speed assertion.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task BenchModelReportsPositiveWindowsPerSecondForEveryBatchSize()
    {
        var model = TestInputs.Model(_folder.Path, "tiny-2d-rgb");

        var json = (await CliProcess.RunOkAsync("bench", "model", "--model", model, "--providers", "cpu", "--batch", "1,2", "--seconds", "0.2", "--json")).Json();

        Assert.Equal("cpu", json.GetProperty("provider").GetString());
        var results = json.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([1, 2], results.Select(r => r.GetProperty("batch").GetInt32()));
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("rawWindowsPerSecond").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("scoredWindowsPerSecond").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("runs").GetInt32() >= 3, r.ToString());
        });
    }

    [Fact]
    public async Task BenchPreprocessReportsPositiveFramesPerSecondForBothResolutions()
    {
        var json = (await CliProcess.RunOkAsync("bench", "preprocess", "--frames", "40", "--json")).Json();

        var results = json.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["320x240", "1280x720"], results.Select(r => r.GetProperty("resolution").GetString()));
        Assert.All(results, r =>
        {
            Assert.Equal(40, r.GetProperty("frames").GetInt32());
            Assert.True(r.GetProperty("framesPerSecond").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("packPerWindowMs").GetDouble() > 0, r.ToString());
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
