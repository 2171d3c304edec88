namespace ActionNet.Deploy.Tests;

/// <summary>The checkout the tests run from, found by walking up to ActionNet.Cluster.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionNet.Cluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no ActionNet.Cluster.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The absolute path of <paramref name="parts"/> under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    /// <summary>The text of a repository file.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>A path relative to the root, with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root.Value, path).Replace('\\', '/');
}
