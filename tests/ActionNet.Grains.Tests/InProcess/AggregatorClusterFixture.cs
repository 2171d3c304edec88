using ActionNet.Abstractions.Live;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.History;
using ActionNet.LocalCluster;
using ActionNet.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ActionNet.Grains.Tests.InProcess;

/// <summary>
/// The middle test level for the aggregator's protocol: one in-process Orleans silo (<see cref="InProcessTestCluster"/>)
/// with the aggregator's real dependencies — a label store on a real Azurite (with its data on disk, so it can be
/// stopped and started), a journal folder, the live-event memory stream — and a client. Flushes every 200 ms.
/// (What the aggregator publishes is checked by LivePublisherTests and the process-cluster tests: memory-stream
/// deliveries from a grain to this in-process client were lost in this harness, not in process clusters.)
/// </summary>
public sealed class AggregatorClusterFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "actionnet-aggregator-tests-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster? cluster;

    /// <summary>The storage emulator.</summary>
    public AzuriteServer Azurite { get; private set; } = null!;

    /// <summary>The store the silo writes (a container and table of this fixture's own).</summary>
    public LabelStore Store { get; private set; } = null!;

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>The cluster's client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>The journal folder the silo uses.</summary>
    public HistoryJournalDirectory Journals { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(Path.Combine(folder, "azurite"));
        Store = LabelStore.Connect(new HistoryStorageOptions { ConnectionString = Azurite.ConnectionString, MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) });
        await Store.EnsureCreatedAsync();
        Journals = new HistoryJournalDirectory(Path.Combine(folder, "journal"), 64L * 1024 * 1024);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(LiveEvents.PubSubStorageName);
            silo.AddMemoryStreams(LiveEvents.ProviderName, streams => streams.ConfigurePartitioning(LiveEvents.Partitions));
            silo.Services.AddSingleton(Store);
            silo.Services.AddSingleton(Journals);
            silo.Services.AddSingleton(new SiloIdentity("in-process", "cpu"));
            silo.Services.AddOptions<AggregationOptions>().Configure(o =>
            {
                o.FlushIntervalMs = 200;
                o.WindowsAveraged = 2;
                o.GapSeconds = 5;
            });
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
