namespace ActionNet.Abstractions.Cluster;

/// <summary>The whole cluster at a glance, for <c>actionnet cluster status</c>.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.cluster-status")]
public sealed record ClusterStatus
{
    /// <summary>Every silo with a recent report, ordered by address.</summary>
    [Id(0)] public SiloReport[] Silos { get; init; } = [];

    /// <summary>Camera grains active in the cluster.</summary>
    [Id(1)] public int ActiveCameras { get; init; }

    /// <summary>Windows scored per second, summed over silos.</summary>
    [Id(2)] public double WindowsPerSecond { get; init; }

    /// <summary>Windows dropped, summed over silos.</summary>
    [Id(3)] public long WindowsDropped { get; init; }

    /// <summary>When the snapshot was assembled.</summary>
    [Id(4)] public DateTimeOffset GeneratedAt { get; init; }
}
