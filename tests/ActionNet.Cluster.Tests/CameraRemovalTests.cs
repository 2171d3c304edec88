using System.Text.Json;
using ActionNet.Abstractions.Cameras;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;

namespace ActionNet.Cluster.Tests;

/// <summary><c>actionnet cameras remove</c> stops a camera's ingest and keeps its history.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class CameraRemovalTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Yellow = new(220, 220, 20);

    /// <summary>About 18 windows' worth at 25 fps and stride 4: a camera still reading would add events.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task RemovingACameraStopsNewEventsAndKeepsTheOldOnes()
    {
        var camera = TestCluster.NewCameraId("gone");
        try
        {
            await Cluster.RegisterAsync(camera, Yellow);
            var before = await Cluster.WaitForHistoryAsync(camera, "6 stored events", h => h.Length >= 6);

            var remove = await Cluster.CliOkAsync("cameras", "remove", camera);
            Assert.Contains($"camera {camera} removed", remove.Stdout, StringComparison.Ordinal);

            // Windows already scored may still be flushed; after that the count must stay put.
            var settled = await DrillWait.UntilSettledAsync(
                $"the event count of removed camera {camera}", Quiet, TestCluster.Patience, async () => (await Cluster.HistoryAsync(camera)).Length, Cluster.Diagnostics);
            var stored = await Cluster.StoredEventsAsync(camera);
            Assert.Equal(settled, stored.Count);

            // The history keeps every event stored before the removal.
            var after = await Cluster.HistoryAsync(camera);
            Assert.Equal(settled, after.Length);
            Assert.Superset(before.Select(e => e.Sequence).ToHashSet(), after.Select(e => e.Sequence).ToHashSet());
            var json = await Cluster.CliOkAsync("history", "--json", "--camera", camera);
            Assert.Equal(settled, json.Json<JsonElement>().GetProperty("items").GetArrayLength());

            // Not listed, not reading.
            var list = await Cluster.CliOkAsync("cameras", "list", "--json");
            Assert.DoesNotContain(list.Json<CameraStatus[]>(), s => s.CameraId == camera);
            var status = await Cluster.CliAsync("cameras", "status", camera, "--json");
            Assert.Equal(2, status.ExitCode);
            Assert.Contains($"camera '{camera}' is not registered", status.Stderr, StringComparison.Ordinal);
            Assert.Equal(CameraState.Stopped, (await Cluster.Grains.GetGrain<ICameraGrain>(camera).GetStatusAsync()).State);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }
}
