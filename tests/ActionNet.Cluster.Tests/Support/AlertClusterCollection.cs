namespace ActionNet.Cluster.Tests.Support;

/// <summary>The xunit collection whose tests share <see cref="AlertClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AlertClusterCollection : ICollectionFixture<AlertClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "alert cluster";
}
