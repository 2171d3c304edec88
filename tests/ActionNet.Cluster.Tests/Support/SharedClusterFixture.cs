namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// One cluster for every test that leaves its silos alone: Azurite plus a <c>t4</c> and a <c>cpu</c>
/// silo. Each test uses fresh camera ids. Tests that kill or restart silos start their own cluster.
/// </summary>
public sealed class SharedClusterFixture : IAsyncLifetime
{
    // With a webhook secret the silos accept alert rules that post to a webhook (the API tests manage such rules).
    private const string WebhookSecretSetting = "ActionNet__Alerts__WebhookSecret";

    private readonly SemaphoreSlim apiStart = new(1, 1);
    private TestCluster? cluster;
    private ApiSession? api;

    /// <summary>The running cluster.</summary>
    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("the shared cluster has not started");

    /// <summary>The API host on the shared cluster, started by the first test that asks for it.</summary>
    public async Task<ApiSession> ApiAsync()
    {
        await apiStart.WaitAsync();
        try
        {
            return api ??= await ApiSession.StartAsync(Cluster);
        }
        finally
        {
            apiStart.Release();
        }
    }

    /// <inheritdoc/>
    public async Task InitializeAsync() =>
        cluster = await TestCluster.StartAsync("shared", new Dictionary<string, string?> { [WebhookSecretSetting] = "shared-cluster-webhook-secret" }, "t4", "cpu");

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        apiStart.Dispose();
    }
}
