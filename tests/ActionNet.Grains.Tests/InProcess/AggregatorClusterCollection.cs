namespace ActionNet.Grains.Tests.InProcess;

/// <summary>The tests that share one in-process aggregator cluster; each uses a camera of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AggregatorClusterCollection : ICollectionFixture<AggregatorClusterFixture>
{
    public const string Name = "in-process aggregator cluster";
}
