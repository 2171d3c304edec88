using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ActionNet.Drills;

/// <summary>
/// An Orleans client on the local cluster's gateways (static list, the cluster id as cluster and service id).
/// Calls are bounded by a short response timeout, so a poll aimed at a silo that just died fails fast and
/// is retried by <see cref="DrillWait"/>.
/// </summary>
public sealed class DrillClient : IAsyncDisposable
{
    private readonly IHost host;

    private DrillClient(IHost host)
    {
        this.host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The connected client.</summary>
    public IClusterClient Grains { get; }

    /// <summary>Connects through <paramref name="gateways"/> ("127.0.0.1:port,...").</summary>
    public static async Task<DrillClient> ConnectAsync(string gateways, string clusterId, CancellationToken cancellationToken = default)
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await built.StartAsync(timeout.Token);
        }
        catch
        {
            built.Dispose();
            throw;
        }

        return new DrillClient(built);
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
