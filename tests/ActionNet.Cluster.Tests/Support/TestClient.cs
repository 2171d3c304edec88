using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// The tests' own Orleans client: static gateways (the silos' 127.0.0.1 gateway ports) and the local
/// cluster's id as both cluster id and service id. Calls are bounded by a short response timeout so that
/// a poll aimed at a silo that just died fails fast and is retried.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost host;

    private TestClient(IHost host)
    {
        this.host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The connected client.</summary>
    public IClusterClient Grains { get; }

    /// <summary>Connects through <paramref name="gateways"/> ("127.0.0.1:port,...").</summary>
    public static async Task<TestClient> ConnectAsync(string gateways, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        var endpoints = gateways.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(g => new IPEndPoint(IPAddress.Loopback, int.Parse(g[(g.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)))
            .ToArray();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(endpoints);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = clusterId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        var built = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await built.StartAsync(timeout.Token);
        }
        catch
        {
            built.Dispose();
            throw;
        }

        return new TestClient(built);
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
