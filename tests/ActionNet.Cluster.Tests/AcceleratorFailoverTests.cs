using ActionNet.Abstractions.Cameras;
using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// A camera whose profile allows only <c>t4</c> waits when the t4 silo crashes, even with a cpu silo
/// idle beside it, and resumes on the next t4 silo that joins. Kills a silo, so it has a cluster of its own.
/// </summary>
public sealed class AcceleratorFailoverTests
{
    private static readonly SolidColour Magenta = new(200, 30, 200);

    [Fact]
    public async Task PinnedCameraWaitsForAcceleratorWhenTheT4SiloIsKilledAndResumesOnANewT4Silo()
    {
        await using var cluster = await TestCluster.StartAsync("failover", "t4", "cpu");
        var camera = TestCluster.NewCameraId("pinned");
        var first = cluster.Silo("t4");
        var cpu = cluster.Silo("cpu").Name;
        await cluster.CliOkAsync("cameras", "add", camera, "--source", cluster.Video(Magenta), "--model", TestCluster.T4Profile, "--loop");
        var before = await cluster.WaitForHistoryAsync(camera, "5 events from the first t4 silo", h => h.Length >= 5);
        Assert.All(before, e => Assert.Equal(first.Name, e.Silo));

        // A crash: SIGKILL, no goodbye. The cpu silo must not take the camera's windows over.
        await first.KillAsync();
        await cluster.WaitForStatusAsync(camera, "state WaitingForAccelerator", s => s.State == CameraState.WaitingForAccelerator);
        var waiting = (await cluster.CliOkAsync("cameras", "status", camera, "--json")).Json<CameraStatus>();
        Assert.Equal(CameraState.WaitingForAccelerator, waiting.State);
        Assert.Contains($"'{TestCluster.T4Profile}'", waiting.LastError, StringComparison.Ordinal);
        Assert.Contains("t4", waiting.LastError, StringComparison.Ordinal);
        var lastBefore = (await cluster.HistoryAsync(camera)).Max(e => e.Sequence);

        // A new t4 silo joins: the camera resumes there.
        var second = await cluster.Host.AddSiloAsync("t4");
        var after = await cluster.WaitForHistoryAsync(camera, $"an event scored on the new t4 silo {second.Name}", h => h.Any(e => e.Silo == second.Name));
        await cluster.WaitForStatusAsync(camera, "state Streaming", s => s.State == CameraState.Streaming);

        var resumed = after.First(e => e.Silo == second.Name).Sequence;
        Assert.True(resumed > lastBefore, $"the first event on {second.Name} is #{resumed}, not after #{lastBefore}");
        Assert.All(after, e => Assert.NotEqual(cpu, e.Silo));
        Assert.All(after.Where(e => e.Sequence >= resumed), e => Assert.Equal(second.Name, e.Silo));
        Assert.All(after, e => EventAssert.ScoredAs(e, Magenta));
        EventAssert.NoDuplicateSequences(await cluster.StoredEventsAsync(camera));
    }
}
