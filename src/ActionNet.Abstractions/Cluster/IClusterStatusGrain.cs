namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// Collects silo reports into a cluster snapshot. One per cluster; key: 0.
/// </summary>
public interface IClusterStatusGrain : IGrainWithIntegerKey
{
    /// <summary>Stores a silo's latest report; silos report periodically.</summary>
    Task ReportAsync(SiloReport report);

    /// <summary>The cluster snapshot built from reports that are still fresh.</summary>
    Task<ClusterStatus> GetStatusAsync();
}
