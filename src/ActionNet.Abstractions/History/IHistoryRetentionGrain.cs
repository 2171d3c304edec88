namespace ActionNet.Abstractions.History;

/// <summary>
/// The retention sweeper (key: <see cref="Key"/>): driven by a reminder, it removes each camera's history
/// older than its registration's <c>RetentionDays</c>, else <c>ActionNet:History:RetentionDays</c> (0 keeps everything).
/// </summary>
public interface IHistoryRetentionGrain : IGrainWithStringKey
{
    /// <summary>The one key.</summary>
    const string Key = "retention";

    /// <summary>Registers the hourly reminder (idempotent); silos call it at start.</summary>
    Task StartAsync();

    /// <summary>Sweeps every camera now; returns the index rows and blobs removed.</summary>
    Task<long> SweepNowAsync();
}
