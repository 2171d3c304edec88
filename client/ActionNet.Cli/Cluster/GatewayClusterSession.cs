using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActionNet.Abstractions;
using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Cli.Output;
using ActionNet.Client;
using Orleans.Streams;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// The cluster through its Orleans gateways, for one CLI command (and the local clusters the demo and benchmarks start).
/// Connecting gives up after a few attempts with one line naming what it tried to reach, rather than retrying for ever.
/// </summary>
public sealed class GatewayClusterSession : IClusterSession
{
    private readonly ClusterClientHost host;

    private GatewayClusterSession(ClusterClientHost host) => this.host = host;

    /// <summary>The connected client.</summary>
    public IClusterClient Client => host.Client;

    /// <summary>Connects to the cluster at <paramref name="endpoint"/>.</summary>
    /// <exception cref="ClusterUnreachableException">No silo answered, or the membership table's account did not; the message names the gateway or table.</exception>
    /// <exception cref="CliInputException">Azure Table clustering without a usable storage connection string.</exception>
    public static async Task<GatewayClusterSession> ConnectAsync(ClusterEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.UsesAzureTable)
        {
            await StorageAccount.CheckAsync(endpoint.Storage, "--clustering azuretable", cancellationToken);
        }

        try
        {
            return new GatewayClusterSession(await ClusterClientHost.ConnectAsync(endpoint, new ClusterClientSettings { ConnectAttempts = 3 }, cancellationToken));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ArgumentException or FormatException))
        {
            throw new ClusterUnreachableException($"cannot reach the ActionNet cluster at {endpoint.Describe()}: {ErrorText.OneLine(ex.Message)} (is a silo running? start one with deploy/local/demo.sh)");
        }
    }

    /// <inheritdoc/>
    public Task RegisterCameraAsync(string id, CameraRegistration registration, CancellationToken cancellationToken) =>
        Client.GetGrain<ICameraGrain>(id).RegisterAsync(registration);

    /// <inheritdoc/>
    public async Task<CameraStatus[]> CameraStatusesAsync(CancellationToken cancellationToken)
    {
        var ids = await Client.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ListAsync();
        return await Task.WhenAll(ids.Order(StringComparer.Ordinal).Select(i => Client.GetGrain<ICameraGrain>(i).GetStatusAsync()));
    }

    /// <inheritdoc/>
    public async Task<CameraStatus?> CameraStatusAsync(string id, CancellationToken cancellationToken)
    {
        var camera = Client.GetGrain<ICameraGrain>(id);
        return await camera.GetRegistrationAsync() is null ? null : await camera.GetStatusAsync();
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveCameraAsync(string id, CancellationToken cancellationToken)
    {
        var camera = Client.GetGrain<ICameraGrain>(id);
        if (await camera.GetRegistrationAsync() is null)
        {
            return false;
        }

        await camera.RemoveAsync();
        return true;
    }

    /// <inheritdoc/>
    public Task<HistoryPage<ActionEvent>> EventsAsync(HistoryQuery query, CancellationToken cancellationToken) => History.QueryAsync(query);

    /// <inheritdoc/>
    public Task<HistoryPage<LabelSegment>> SegmentsAsync(HistoryQuery query, CancellationToken cancellationToken) => History.SegmentsAsync(query);

    /// <inheritdoc/>
    public Task<HistoryPage<LabelTotal>> SummaryAsync(HistoryQuery query, CancellationToken cancellationToken) => History.SummaryAsync(query);

    /// <inheritdoc/>
    public Task<HistoryPage<HistoryGap>> GapsAsync(HistoryQuery query, CancellationToken cancellationToken) => History.GapsAsync(query);

    /// <inheritdoc/>
    public async IAsyncEnumerable<ActionEvent> LabelsAsync(IReadOnlyCollection<string> cameras, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watched = cameras.ToHashSet(StringComparer.Ordinal);
        var labels = Channel.CreateUnbounded<ActionEvent>(new UnboundedChannelOptions { SingleReader = true });
        var subscription = await LiveEventSubscription.SubscribeAsync(Client.GetStreamProvider(LiveEvents.ProviderName), watched, live =>
        {
            if (live is { Kind: LiveEventKind.Label, Event: { } e } && (watched.Count == 0 || watched.Contains(e.CameraId)))
            {
                labels.Writer.TryWrite(e);
            }

            return Task.CompletedTask;
        });
        try
        {
            await foreach (var e in labels.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            await subscription.DisposeAsync();
        }
    }

    /// <inheritdoc/>
    public Task<AlertRule> PutRuleAsync(AlertRule rule, CancellationToken cancellationToken) => Rules.PutAsync(rule);

    /// <inheritdoc/>
    public Task<AlertRule[]> RulesAsync(CancellationToken cancellationToken) => Rules.ListAsync();

    /// <inheritdoc/>
    public Task<bool> RemoveRuleAsync(string id, CancellationToken cancellationToken) => Rules.RemoveAsync(id);

    /// <inheritdoc/>
    public Task<HistoryPage<AlertDelivery>> DeliveriesAsync(int limit, string? after, CancellationToken cancellationToken) => Rules.DeliveriesAsync(limit, after);

    /// <inheritdoc/>
    public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken) => Client.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();

    /// <inheritdoc/>
    public Task<SiloDrain> DrainAsync(string silo, CancellationToken cancellationToken) => DrainHandoff.StartAsync(Client, silo);

    /// <inheritdoc/>
    public Task<DrainProgress> DrainProgressAsync(SiloDrain drain, CancellationToken cancellationToken) => DrainHandoff.ProgressAsync(Client, drain);

    /// <inheritdoc/>
    public Task<string> UndrainAsync(string silo, CancellationToken cancellationToken) => Client.GetGrain<IClusterStatusGrain>(0).UndrainAsync(silo);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => host.DisposeAsync();

    private IHistoryGrain History => Client.GetGrain<IHistoryGrain>("query");

    private IAlertRulesGrain Rules => Client.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
}
