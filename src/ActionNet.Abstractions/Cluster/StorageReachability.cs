namespace ActionNet.Abstractions.Cluster;

/// <summary>Whether a storage account answered a probe, and why not when it did not.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.storage-reachability")]
public sealed record StorageReachability
{
    /// <summary>Whether it answered.</summary>
    [Id(0)] public bool Reachable { get; init; }

    /// <summary>Why it did not, on one line and without the connection string; null when it answered.</summary>
    [Id(1)] public string? Error { get; init; }
}
