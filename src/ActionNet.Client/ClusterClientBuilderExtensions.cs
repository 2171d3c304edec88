using ActionNet.Abstractions.Live;
using Azure.Data.Tables;
using Orleans.Configuration;

namespace ActionNet.Client;

/// <summary>The one way every ActionNet client (CLI, API host, drills, tests) joins the cluster.</summary>
public static class ClusterClientBuilderExtensions
{
    /// <summary>
    /// Points <paramref name="client"/> at <paramref name="endpoint"/> (static gateways or the storage account's
    /// membership table, with its cluster and service ids), registers the live-event stream provider
    /// (<see cref="LiveEvents.ProviderName"/>), propagates trace context into grain calls and applies <paramref name="settings"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Azure Table clustering without a storage connection string.</exception>
    public static IClientBuilder UseActionNetCluster(this IClientBuilder client, ClusterEndpoint endpoint, ClusterClientSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(endpoint);
        settings ??= new ClusterClientSettings();
        if (endpoint.UsesAzureTable)
        {
            if (string.IsNullOrWhiteSpace(endpoint.Storage))
            {
                throw new ArgumentException("azuretable clustering needs the storage connection string that holds the membership table");
            }

            client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(endpoint.Storage));
        }
        else
        {
            client.UseStaticClustering(endpoint.GatewayEndpoints());
        }

        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = endpoint.ClusterId;
            options.ServiceId = endpoint.ServiceId;
        });
        if (settings.ResponseTimeout is { } timeout)
        {
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = timeout);
        }

        var attempts = 0;
        client.UseConnectionRetryFilter(async (_, token) =>
        {
            if (settings.ConnectAttempts > 0 && Interlocked.Increment(ref attempts) >= settings.ConnectAttempts)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), token);
            return true;
        });

        client.AddMemoryStreams(LiveEvents.ProviderName, streams => streams.ConfigurePartitioning(LiveEvents.Partitions));

        // Calls carry the caller's trace context, so a request's trace continues into the silos.
        client.AddActivityPropagation();
        return client;
    }
}
