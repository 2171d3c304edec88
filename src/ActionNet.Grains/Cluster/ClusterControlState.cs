namespace ActionNet.Grains.Cluster;

/// <summary>What the cluster status grain persists: the silos an operator drained (by address).</summary>
[GenerateSerializer, Alias("actionnet.cluster-control-state")]
public sealed class ClusterControlState
{
    /// <summary>Addresses of drained silos.</summary>
    [Id(0)] public List<string> Drained { get; set; } = [];
}
