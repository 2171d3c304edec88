using ActionNet.Abstractions.Cameras;
using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// Registrations and history survive stopping every silo; a new silo of the same cluster brings the
/// cameras back by itself and their sequences carry on without repeating. Stops silos, so it has a
/// cluster of its own.
/// </summary>
public sealed class SiloRestartTests
{
    private static readonly SolidColour Orange = new(240, 140, 20);

    [Fact]
    public async Task CamerasComeBackAfterEverySiloRestartsAndHistoryHasNoDuplicateSequences()
    {
        await using var cluster = await TestCluster.StartAsync("restart", "cpu");
        string[] cameras = [TestCluster.NewCameraId("one"), TestCluster.NewCameraId("two")];
        foreach (var camera in cameras)
        {
            await cluster.RegisterAsync(camera, Orange);
        }

        foreach (var camera in cameras)
        {
            await cluster.WaitForHistoryAsync(camera, "5 stored events", h => h.Length >= 5);
        }

        // Graceful stop of every silo (SIGTERM): what the aggregators held is flushed on the way out.
        foreach (var silo in cluster.Host.Silos.Where(s => s.IsRunning).ToArray())
        {
            await silo.StopAsync(TimeSpan.FromSeconds(30));
        }

        var storedBefore = new Dictionary<string, long>();
        foreach (var camera in cameras)
        {
            var stored = await cluster.StoredEventsAsync(camera);
            Assert.True(stored.Count >= 5, $"camera {camera} has {stored.Count} stored events after the stop");
            storedBefore[camera] = stored.Max(e => e.Sequence);
        }

        // Same cluster id and storage, new silo process; nobody registers anything again. Only the
        // history is read until new events show up: asking a camera for its status would activate it,
        // and the silo must bring the cameras back by itself.
        await cluster.Host.AddSiloAsync("cpu");
        await cluster.ReconnectAsync();
        foreach (var camera in cameras)
        {
            await cluster.WaitForHistoryAsync(camera, $"events after #{storedBefore[camera]}", h => h.Any(e => e.Sequence > storedBefore[camera] + 2));
        }

        var listed = (await cluster.CliOkAsync("cameras", "list", "--json")).Json<CameraStatus[]>();
        Assert.Equal(cameras.Order(StringComparer.Ordinal), listed.Select(s => s.CameraId).Where(cameras.Contains).Order(StringComparer.Ordinal));
        Assert.All(listed, s => Assert.Equal(CameraState.Streaming, s.State));
        foreach (var camera in cameras)
        {
            var history = await cluster.HistoryAsync(camera);
            var stored = await cluster.StoredEventsAsync(camera);
            EventAssert.NoDuplicateSequences(stored);
            Assert.All(stored, e => EventAssert.ScoredAs(e, Orange));
            EventAssert.StrictlyIncreasingSequences(history);
            Assert.Equal(stored.Select(e => e.Sequence).Order().Take(history.Length), history.Select(e => e.Sequence));
        }
    }
}
