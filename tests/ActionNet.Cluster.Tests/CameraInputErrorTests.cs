using ActionNet.Abstractions.Cameras;
using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// <c>actionnet cameras add</c> with an invalid id, an unknown model profile or a missing source file
/// fails with exit code 2 and one line that says what is wrong, and registers nothing.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class CameraInputErrorTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Grey = new(128, 128, 128);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task InvalidCameraIdIsOneLineNamingTheIdAndTheRule()
    {
        var run = await Cluster.CliAsync("cameras", "add", "Bad_Id", "--source", Cluster.Video(Grey), "--model", TestCluster.AnyProfile);

        var line = InputError(run);
        Assert.Contains("'Bad_Id'", line, StringComparison.Ordinal);
        Assert.Contains("a-z, 0-9 and '-'", line, StringComparison.Ordinal);
        Assert.Contains($"{CameraIds.MaxLength}", line, StringComparison.Ordinal);
        await AssertNotRegisteredAsync("Bad_Id");
    }

    [Fact]
    public async Task UnknownModelProfileIsOneLineNamingItAndListingTheKnownOnes()
    {
        var camera = TestCluster.NewCameraId("ok-id");

        var run = await Cluster.CliAsync("cameras", "add", camera, "--source", Cluster.Video(Grey), "--model", "nope");

        var line = InputError(run);
        Assert.Contains("'nope'", line, StringComparison.Ordinal);
        Assert.Contains($"known profiles: {TestCluster.AnyProfile}, {TestCluster.T4Profile}", line, StringComparison.Ordinal);
        await AssertNotRegisteredAsync(camera);
    }

    [Fact]
    public async Task MissingSourceFileIsOneLineNamingThePath()
    {
        var camera = TestCluster.NewCameraId("ok-id");
        var missing = Path.Combine(Cluster.Folder, "no-such-video.mp4");

        var run = await Cluster.CliAsync("cameras", "add", camera, "--source", missing, "--model", TestCluster.AnyProfile, "--loop");

        var line = InputError(run);
        Assert.Contains($"'{missing}'", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
        await AssertNotRegisteredAsync(camera);
    }

    // Exit code 2, exactly one stderr line starting with "error: ", nothing on stdout, no stack trace.
    private string InputError(CliRun run)
    {
        Assert.True(run.ExitCode == 2, $"expected exit code 2\n{run}\n{Cluster.Diagnostics()}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout.Trim());
        return line;
    }

    private async Task AssertNotRegisteredAsync(string camera)
    {
        var registered = await Cluster.Grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ListAsync();
        Assert.DoesNotContain(camera, registered);
    }
}
