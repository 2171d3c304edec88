namespace ActionNet.Console.Tests;

/// <summary>The console tests share one <see cref="ConsoleFixture"/>: one cluster, one API host, one browser.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console";
}
