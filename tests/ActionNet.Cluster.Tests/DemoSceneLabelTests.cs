using System.Globalization;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using ActionNet.LocalCluster;
using ActionNet.Training;
using ActionNet.Vision.Synthetic;
using Xunit.Abstractions;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// The demo on a live cluster: a silo serving the trained synthetic model, one looping camera per held-out
/// demo scene, and the labels stored in Blob storage mostly naming the action each scene shows.
/// </summary>
public sealed class DemoSceneLabelTests(ITestOutputHelper output)
{
    /// <summary>Windows left out at the start of each camera (the demo's warm-up).</summary>
    private const int SkippedWindows = 3;

    /// <summary>Windows judged per camera after those.</summary>
    private const int JudgedWindows = 30;

    private const string Profile = "demo";

    [Fact]
    public async Task AtLeastNineInTenStoredLabelsOfTheDemoCamerasNameTheirScenesAction()
    {
        var folder = Path.Combine(RepositoryLayout.WorkFolder("cluster-tests"), $"demo-{Guid.NewGuid():N}"[..13]);
        var model = await Task.Run(() => DemoModelTrainer.TrainOrReuse(new SyntheticTrainingOptions(), Path.Combine(RepositoryLayout.WorkFolder("models"), "synthetic")));
        var scenes = DemoScenes.Write(Path.Combine(folder, "videos"));
        var environment = new Dictionary<string, string?> { ["Inference__Providers__0"] = "Cpu", ["ActionNet__Ingest__RetrySeconds"] = "1" };
        await using var host = await LocalClusterHost.StartAsync(Path.Combine(folder, "cluster"), ["cpu"], [new ModelProfileSpec(Profile, model.OnnxPath, [], Stride: 4, MaxBatch: 8, MaxWaitMs: 10)], environment);
        await using var client = await DrillClient.ConnectAsync(host.Gateways, host.ClusterId);
        var cameras = scenes.ToDictionary(scene => TestCluster.NewCameraId(DemoScenes.CameraId(scene.Action)), scene => scene.Action);
        foreach (var (camera, action) in cameras)
        {
            await client.Grains.GetGrain<ICameraGrain>(camera).RegisterAsync(new CameraRegistration { Source = scenes.Single(s => s.Action == action).Path, Loop = true, ModelProfile = Profile });
        }

        var matching = 0;
        var judged = 0;
        foreach (var (camera, action) in cameras)
        {
            var stored = await DrillWait.UntilAsync(
                $"{SkippedWindows + JudgedWindows} stored windows of {camera}",
                TimeSpan.FromSeconds(180),
                () => StoredEvents.ReadAsync(host.Storage.ConnectionString, camera),
                events => events.Count >= SkippedWindows + JudgedWindows,
                host.Diagnostics);
            var windows = stored.OrderBy(e => e.Sequence).Skip(SkippedWindows).Take(JudgedWindows).ToList();
            var right = windows.Count(e => e.Label == action);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{camera} ({action}): {right}/{windows.Count} = {right / (double)windows.Count:P0}; labels {string.Join(", ", windows.GroupBy(e => e.Label).Select(g => $"{g.Key} {g.Count()}"))}"));
            Assert.All(windows, e => Assert.Equal(DemoModelTrainer.ModelFileName, e.Model));
            matching += right;
            judged += windows.Count;
        }

        var rate = matching / (double)judged;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all cameras: {matching}/{judged} = {rate:P1}"));
        Assert.True(rate >= 0.9, string.Create(CultureInfo.InvariantCulture, $"only {rate:P1} of the stored labels after the first {SkippedWindows} windows name the scene's action"));
    }
}
