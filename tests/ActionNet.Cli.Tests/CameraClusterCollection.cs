namespace ActionNet.Cli.Tests;

/// <summary>The test classes that share one <see cref="CameraClusterFixture"/> (one cluster, run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class CameraClusterCollection : ICollectionFixture<CameraClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "camera cluster";
}
