namespace ActionNet.Cluster.Tests.Support;

/// <summary>The xunit collection whose tests share <see cref="SharedClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "shared cluster";
}
