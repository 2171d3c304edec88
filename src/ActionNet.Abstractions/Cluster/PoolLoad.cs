namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// One accelerator pool (the silos sharing an accelerator label) in <see cref="ClusterStatus.Pools"/>: what the
/// autoscaler scales on. Key: <see cref="Pool"/>. Exported by every silo as the gauges
/// <c>actionnet_cluster_capacity_windows_per_second</c>, <c>actionnet_cluster_demand_windows_per_second</c> and
/// <c>actionnet_cluster_demand_ratio</c> with the tag <c>pool</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.pool-load")]
public sealed record PoolLoad
{
    /// <summary>The accelerator label, e.g. "t4", "jetson", "cpu".</summary>
    [Id(0)] public string Pool { get; init; } = "";

    /// <summary>Silos of the pool with a fresh report, drained ones included.</summary>
    [Id(1)] public int Silos { get; init; }

    /// <summary>Windows per second the pool's serving (not drained) silos sustain, summed over their profiles.</summary>
    [Id(2)] public double Capacity { get; init; }

    /// <summary>Windows per second the cameras reading on the pool's silos produce.</summary>
    [Id(3)] public double Demand { get; init; }

    /// <summary><see cref="Demand"/> over <see cref="Capacity"/> (above 1: windows are dropped); 0 when the pool has no capacity.</summary>
    [Id(4)] public double DemandRatio { get; init; }
}
