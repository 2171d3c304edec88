using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// A cluster for the alert tests that leave their silos alone: a real mosquitto broker and one <c>cpu</c> silo
/// configured to deliver to it and to sign webhooks with <see cref="Secret"/>. Each test uses fresh camera and
/// rule ids and its own webhook receiver.
/// </summary>
public sealed class AlertClusterFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(RepositoryLayout.WorkFolder("cluster-tests"), $"mqtt-{Guid.NewGuid():N}"[..13]);
    private MosquittoBroker? broker;
    private TestCluster? cluster;

    /// <summary>The webhook secret the silos sign with.</summary>
    public string Secret { get; } = AlertClusterSettings.NewSecret();

    /// <summary>The broker the silos publish to.</summary>
    public MosquittoBroker Broker => broker ?? throw new InvalidOperationException("the broker has not started");

    /// <summary>The running cluster.</summary>
    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("the alert cluster has not started");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        broker = await MosquittoBroker.StartAsync(folder);
        cluster = await TestCluster.StartAsync("alerts", AlertClusterSettings.For(broker, Secret), "cpu");
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (broker is not null)
        {
            await broker.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("ACTIONNET_KEEP_TEST_CLUSTERS") != "1")
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
