using ActionNet.Cli.Output;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// An Orleans client connected to the cluster for one CLI command. Connecting gives up after a few
/// attempts with one line naming what it tried to reach, rather than retrying forever.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private const int ConnectAttempts = 3;
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The connected client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects to the cluster at <paramref name="endpoint"/>.</summary>
    /// <exception cref="CliInputException">No silo answered; the message names the gateway or table.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var gateways = endpoint.UsesAzureTable ? [] : endpoint.GatewayEndpoints();
        if (endpoint.UsesAzureTable && string.IsNullOrWhiteSpace(endpoint.Storage))
        {
            throw new CliInputException("--clustering azuretable needs --storage (or ACTIONNET_STORAGE): the storage connection string holding the membership table");
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        var attempts = 0;
        builder.UseOrleansClient(client =>
        {
            if (endpoint.UsesAzureTable)
            {
                client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(endpoint.Storage));
            }
            else
            {
                client.UseStaticClustering(gateways);
            }

            client.Configure<Orleans.Configuration.ClusterOptions>(options =>
            {
                options.ClusterId = endpoint.ClusterId;
                options.ServiceId = endpoint.ServiceId;
            });
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (++attempts >= ConnectAttempts)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            host.Dispose();
            throw new CliInputException($"cannot reach the ActionNet cluster at {endpoint.Describe()}: {CliErrors.OneLine(ex.Message)} (is a silo running? start one with deploy/local/demo.sh)");
        }

        return new ClusterConnection(host);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Closing the connection is best effort: the command's work is already done.
        }

        _host.Dispose();
    }
}
