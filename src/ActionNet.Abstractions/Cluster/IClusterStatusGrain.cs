using Orleans.Concurrency;

namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// The cluster's view of capacity and demand, built from silo reports; also the placement ledger that
/// decides where a camera runs and the list of drained silos. One per cluster; key: 0.
/// </summary>
public interface IClusterStatusGrain : IGrainWithIntegerKey
{
    /// <summary>Stores a silo's latest report; silos report periodically.</summary>
    Task ReportAsync(SiloReport report);

    /// <summary>The cluster snapshot built from reports that are still fresh.</summary>
    Task<ClusterStatus> GetStatusAsync();

    /// <summary>
    /// Picks, among <paramref name="candidates"/> (silo addresses whose accelerator the camera's profile
    /// allows), the one with the most spare capacity for <paramref name="profile"/>, skipping drained silos,
    /// and reserves the camera's expected demand there until the silo's next reports show it. Null when every
    /// candidate is drained. A ledger that has just been activated (its silo died) first waits, up to one report
    /// interval, for every candidate's report: placed blind, the cameras of a dead silo would pile onto one
    /// survivor. Interleaves so that the reports it waits for can arrive; the decision itself does not await.
    /// </summary>
    [AlwaysInterleave]
    Task<string?> PlaceCameraAsync(string cameraId, string profile, string[] candidates);

    /// <summary>
    /// Marks a silo (address, or host name when unique) as draining: it takes no new cameras and the
    /// rebalancer moves its cameras away. Returns the silo's address.
    /// </summary>
    /// <exception cref="ArgumentException">No reporting silo matches, or a host name matches several.</exception>
    Task<string> DrainAsync(string silo);

    /// <summary>Lets a drained silo take cameras again. Returns the silo's address.</summary>
    /// <exception cref="ArgumentException">No drained silo matches.</exception>
    Task<string> UndrainAsync(string silo);
}
