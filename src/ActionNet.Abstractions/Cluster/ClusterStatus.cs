namespace ActionNet.Abstractions.Cluster;

/// <summary>The whole cluster at a glance, for <c>actionnet cluster status</c>.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.cluster-status")]
public sealed record ClusterStatus
{
    /// <summary>Every silo with a recent report, ordered by address.</summary>
    [Id(0)] public SiloReport[] Silos { get; init; } = [];

    /// <summary>Cameras reading in the cluster.</summary>
    [Id(1)] public int ActiveCameras { get; init; }

    /// <summary>Windows scored per second, summed over silos.</summary>
    [Id(2)] public double WindowsPerSecond { get; init; }

    /// <summary>Windows dropped, summed over silos.</summary>
    [Id(3)] public long WindowsDropped { get; init; }

    /// <summary>When the snapshot was assembled.</summary>
    [Id(4)] public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Windows per second the cluster sustains, summed over silos and profiles (drained silos excluded).</summary>
    [Id(5)] public double Capacity { get; init; }

    /// <summary>Windows per second the cluster's cameras produce.</summary>
    [Id(6)] public double Demand { get; init; }

    /// <summary>Windows dropped, summed over silos, by reason.</summary>
    [Id(7)] public WindowDrops Drops { get; init; } = new();

    /// <summary>Silos being drained, by address.</summary>
    [Id(8)] public string[] Draining { get; init; } = [];

    /// <summary>Capacity and demand per accelerator pool, ordered by pool: what the autoscaler scales on.</summary>
    [Id(9)] public PoolLoad[] Pools { get; init; } = [];

    /// <summary>
    /// Whether the cluster's storage account answers, as the API host that served this snapshot probed it; null from the
    /// ledger itself, which does not probe.
    /// </summary>
    [Id(10)] public StorageReachability? Storage { get; init; }

    /// <summary>Whether demand exceeds capacity: windows are being (or will be) dropped for overload.</summary>
    public bool Overloaded => Demand > Capacity;
}
