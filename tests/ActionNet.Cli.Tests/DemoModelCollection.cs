namespace ActionNet.Cli.Tests;

/// <summary>The test classes that share one <see cref="DemoModelFixture"/>: the trained RGB and flow demo models and one held-out dataset.</summary>
[CollectionDefinition(Name)]
public sealed class DemoModelCollection : ICollectionFixture<DemoModelFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "demo model";
}
