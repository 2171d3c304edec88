using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// A running cluster as the CLI's commands use it, reached either through the Orleans gateways
/// (<see cref="GatewayClusterSession"/>, local clusters) or through the REST API (<see cref="ApiClusterSession"/>, the
/// only way in from outside a cluster). Both answer the same records, so a command prints the same output and the same
/// one-line errors either way.
/// </summary>
public interface IClusterSession : IAsyncDisposable
{
    /// <summary>Registers (or re-registers) camera <paramref name="id"/>.</summary>
    Task RegisterCameraAsync(string id, CameraRegistration registration, CancellationToken cancellationToken);

    /// <summary>The status of every registered camera the caller may see, by id.</summary>
    Task<CameraStatus[]> CameraStatusesAsync(CancellationToken cancellationToken);

    /// <summary>The status of camera <paramref name="id"/>; null when it is not registered.</summary>
    Task<CameraStatus?> CameraStatusAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes camera <paramref name="id"/>; false when it was not registered.</summary>
    Task<bool> RemoveCameraAsync(string id, CancellationToken cancellationToken);

    /// <summary>One page of stored events.</summary>
    Task<HistoryPage<ActionEvent>> EventsAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>One page of label segments.</summary>
    Task<HistoryPage<LabelSegment>> SegmentsAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>One page of time per label per camera.</summary>
    Task<HistoryPage<LabelTotal>> SummaryAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>One page of gaps.</summary>
    Task<HistoryPage<HistoryGap>> GapsAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>Label events as they are persisted, of <paramref name="cameras"/> (all when empty), until cancelled.</summary>
    IAsyncEnumerable<ActionEvent> LabelsAsync(IReadOnlyCollection<string> cameras, CancellationToken cancellationToken);

    /// <summary>Stores an alert rule; returns it as stored.</summary>
    Task<AlertRule> PutRuleAsync(AlertRule rule, CancellationToken cancellationToken);

    /// <summary>The alert rules, by id.</summary>
    Task<AlertRule[]> RulesAsync(CancellationToken cancellationToken);

    /// <summary>Removes alert rule <paramref name="id"/>; false when there was none.</summary>
    Task<bool> RemoveRuleAsync(string id, CancellationToken cancellationToken);

    /// <summary>One page of alert deliveries, newest first.</summary>
    Task<HistoryPage<AlertDelivery>> DeliveriesAsync(int limit, string? after, CancellationToken cancellationToken);

    /// <summary>The cluster ledger.</summary>
    Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken);

    /// <summary>Starts draining <paramref name="silo"/> (address or host name).</summary>
    Task<SiloDrain> DrainAsync(string silo, CancellationToken cancellationToken);

    /// <summary>How far <paramref name="drain"/> is.</summary>
    Task<DrainProgress> DrainProgressAsync(SiloDrain drain, CancellationToken cancellationToken);

    /// <summary>Lets a drained silo serve again; returns its address.</summary>
    Task<string> UndrainAsync(string silo, CancellationToken cancellationToken);
}
