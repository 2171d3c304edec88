using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>Inference runs only on silos whose accelerator label the camera's profile allows.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AcceleratorPlacementTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Green = new(30, 200, 30);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task T4OnlyProfileIsScoredOnTheT4SiloWhileAnAnyAcceleratorProfileMayBeScoredOnEitherSilo()
    {
        // Two pinned cameras, so more than one inference shard has to be placed.
        string[] pinned = [TestCluster.NewCameraId("t4-a"), TestCluster.NewCameraId("t4-b")];
        var anywhere = TestCluster.NewCameraId("any");
        try
        {
            foreach (var camera in pinned)
            {
                await Cluster.RegisterAsync(camera, Green, TestCluster.T4Profile);
            }

            await Cluster.RegisterAsync(anywhere, Green, TestCluster.AnyProfile);
            var t4 = Cluster.Silo("t4").Name;
            var cpu = Cluster.Silo("cpu").Name;
            foreach (var camera in pinned)
            {
                var events = await Cluster.WaitForHistoryAsync(camera, "10 stored events", h => h.Length >= 10);
                Assert.All(events, e => Assert.True(e.Silo == t4, $"{e.CameraId}#{e.Sequence} was scored on '{e.Silo}', not on the t4 silo '{t4}'"));
                Assert.All(events, e => EventAssert.ScoredAs(e, Green));
            }

            var free = await Cluster.WaitForHistoryAsync(anywhere, "10 stored events", h => h.Length >= 10);
            Assert.All(free, e => Assert.Contains(e.Silo, new[] { t4, cpu }));
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync([.. pinned, anywhere]);
        }
    }
}
