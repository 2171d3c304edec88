namespace ActionNet.Client;

/// <summary>How a cluster client behaves when it connects and calls grains.</summary>
public sealed record ClusterClientSettings
{
    /// <summary>Connection attempts before giving up (one second apart); 0 retries until cancelled.</summary>
    public int ConnectAttempts { get; init; } = 3;

    /// <summary>How long a grain call may take before it fails; null keeps Orleans' default (30 s).</summary>
    public TimeSpan? ResponseTimeout { get; init; }
}
