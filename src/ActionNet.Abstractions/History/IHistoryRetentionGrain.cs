namespace ActionNet.Abstractions.History;

/// <summary>
/// The retention sweeper (key: <see cref="Key"/>): driven by a reminder, it removes each camera's history
/// older than its registration's <c>RetentionDays</c>, else <c>ActionNet:History:RetentionDays</c> (0 keeps everything),
/// and the settled alert deliveries older than <c>ActionNet:Alerts:DeliveryRetentionDays</c> (default 30, 0 keeps all).
/// </summary>
public interface IHistoryRetentionGrain : IGrainWithStringKey
{
    /// <summary>The one key.</summary>
    const string Key = "retention";

    /// <summary>Registers the hourly reminder (idempotent); silos call it at start.</summary>
    Task StartAsync();

    /// <summary>Sweeps every camera and the alert deliveries now; returns the index rows, blobs and deliveries removed.</summary>
    Task<long> SweepNowAsync();
}
