using ActionNet.Abstractions.Cluster;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;

namespace ActionNet.Cluster.Tests;

/// <summary><c>actionnet cluster status</c> shows every silo with its accelerator label and the work being done.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ClusterStatusTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Cyan = new(20, 200, 200);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ClusterStatusListsBothSilosWithTheirAcceleratorsAndNonZeroWindowsPerSecondWhileCamerasRun()
    {
        string[] cameras = [TestCluster.NewCameraId("pinned"), TestCluster.NewCameraId("free")];
        try
        {
            await Cluster.RegisterAsync(cameras[0], Cyan, TestCluster.T4Profile);
            await Cluster.RegisterAsync(cameras[1], Cyan, TestCluster.AnyProfile);
            await Cluster.WaitForHistoryAsync(cameras[0], "stored events", h => h.Length >= 3);

            // Silos report every 5 s; wait (through the grain) until the reports cover both running cameras and
            // scored windows on the t4 silo, so the CLI below reads reports at least that recent.
            var t4Name = Cluster.Silo("t4").Name;
            await DrillWait.UntilAsync(
                "a cluster report of both silos with both cameras active and windows scored on the t4 silo",
                TestCluster.Patience,
                () => Cluster.Grains.GetGrain<IClusterStatusGrain>(0).GetStatusAsync(),
                s => s.Silos.Length == 2 && s.ActiveCameras >= 2 && s.Silos.Any(r => r.Host == t4Name && r.WindowsPerSecond > 0),
                Cluster.Diagnostics);

            // Each silo's report replaces its last one every 5 s, so the CLI is polled until a report set
            // shows both cameras; every assertion below is then made on that one CLI answer.
            var status = await DrillWait.UntilAsync(
                "actionnet cluster status --json showing both silos and both cameras",
                TestCluster.Patience,
                async () => (await Cluster.CliOkAsync("cluster", "status", "--json")).Json<ClusterStatus>(),
                s => s.Silos.Length == 2 && s.ActiveCameras >= 2,
                Cluster.Diagnostics);
            Assert.Equal(2, status.Silos.Length);
            var t4 = Assert.Single(status.Silos, s => s.Host == t4Name);
            var cpu = Assert.Single(status.Silos, s => s.Host == Cluster.Silo("cpu").Name);
            Assert.Equal("t4", t4.Accelerator);
            Assert.Equal("cpu", cpu.Accelerator);
            Assert.True(status.WindowsPerSecond > 0, $"cluster windows/s is {status.WindowsPerSecond}");

            // The pinned camera's windows are all scored on the t4 silo, so it reports throughput of its own.
            Assert.True(t4.WindowsPerSecond > 0, $"t4 windows/s is {t4.WindowsPerSecond}");
            Assert.True(status.ActiveCameras >= 2, $"{status.ActiveCameras} active cameras");
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(cameras);
        }
    }
}
