namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// One cluster for every test that leaves its silos alone: Azurite plus a <c>t4</c> and a <c>cpu</c>
/// silo. Each test uses fresh camera ids. Tests that kill or restart silos start their own cluster.
/// </summary>
public sealed class SharedClusterFixture : IAsyncLifetime
{
    private TestCluster? cluster;

    /// <summary>The running cluster.</summary>
    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("the shared cluster has not started");

    /// <inheritdoc/>
    public async Task InitializeAsync() => cluster = await TestCluster.StartAsync("shared", "t4", "cpu");

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
