namespace ActionNet.Storage.Tests;

/// <summary>Tests that share one Azurite; each uses a container of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
