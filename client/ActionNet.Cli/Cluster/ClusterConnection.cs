using ActionNet.Abstractions;
using ActionNet.Cli.Output;
using ActionNet.Client;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// An Orleans client connected to the cluster for one CLI command. Connecting gives up after a few
/// attempts with one line naming what it tried to reach, rather than retrying forever.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly ClusterClientHost _host;

    private ClusterConnection(ClusterClientHost host) => _host = host;

    /// <summary>The connected client.</summary>
    public IClusterClient Client => _host.Client;

    /// <summary>Connects to the cluster at <paramref name="endpoint"/>.</summary>
    /// <exception cref="CliInputException">No silo answered; the message names the gateway or table.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        try
        {
            return new ClusterConnection(await ClusterClientHost.ConnectAsync(endpoint, new ClusterClientSettings { ConnectAttempts = 3 }, cancellationToken));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ArgumentException or FormatException))
        {
            throw new CliInputException($"cannot reach the ActionNet cluster at {endpoint.Describe()}: {ErrorText.OneLine(ex.Message)} (is a silo running? start one with deploy/local/demo.sh)");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
