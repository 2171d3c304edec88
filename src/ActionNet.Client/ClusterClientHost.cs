using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Client;

/// <summary>
/// A cluster client in a host of its own, for processes that are not hosts themselves (the CLI, drills,
/// tests). Disposing closes the connection.
/// </summary>
public sealed class ClusterClientHost : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterClientHost(IHost host)
    {
        this.host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The connected client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects to <paramref name="endpoint"/>; fails when no silo answers within the settings' attempts.</summary>
    public static async Task<ClusterClientHost> ConnectAsync(ClusterEndpoint endpoint, ClusterClientSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseActionNetCluster(endpoint, settings));
        var built = builder.Build();
        try
        {
            await built.StartAsync(cancellationToken);
        }
        catch
        {
            built.Dispose();
            throw;
        }

        return new ClusterClientHost(built);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The cluster may already be gone; closing the connection is best effort.
        }

        host.Dispose();
    }
}
