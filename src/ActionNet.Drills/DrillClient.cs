using ActionNet.Client;

namespace ActionNet.Drills;

/// <summary>
/// An Orleans client on the local cluster's gateways (static list, the cluster id as cluster and service id).
/// Calls are bounded by a short response timeout, so a poll aimed at a silo that just died fails fast and
/// is retried by <see cref="DrillWait"/>.
/// </summary>
public sealed class DrillClient : IAsyncDisposable
{
    private readonly ClusterClientHost host;

    private DrillClient(ClusterClientHost host) => this.host = host;

    /// <summary>The connected client.</summary>
    public IClusterClient Grains => host.Client;

    /// <summary>Connects through <paramref name="gateways"/> ("127.0.0.1:port,..."), giving up after a minute.</summary>
    public static async Task<DrillClient> ConnectAsync(string gateways, string clusterId, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var settings = new ClusterClientSettings { ConnectAttempts = 0, ResponseTimeout = TimeSpan.FromSeconds(10) };
        return new DrillClient(await ClusterClientHost.ConnectAsync(ClusterEndpoint.Local(gateways, clusterId), settings, timeout.Token));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => host.DisposeAsync();
}
