namespace ActionNet.LocalCluster;

/// <summary>Finds the repository's parts on disk: its root (where ActionNet.Cluster.sln is), the silo build and the Azurite install.</summary>
public static class RepositoryLayout
{
    /// <summary>The solution file that marks the repository root.</summary>
    public const string SolutionFile = "ActionNet.Cluster.sln";

    /// <summary>The repository root, searched upwards from the current directory and then from the running assembly.</summary>
    /// <exception cref="InvalidOperationException">Neither is inside the repository.</exception>
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"cannot find the ActionNet repository ({SolutionFile}) above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'");
    }

    /// <summary>
    /// The built silo (ActionNet.Silo.dll): ACTIONNET_SILO_DLL when set, else the build of the same
    /// configuration as the running program (Release or Debug), else the other one.
    /// </summary>
    /// <exception cref="FileNotFoundException">The silo has not been built.</exception>
    public static string SiloAssembly() => BuiltAssembly("ACTIONNET_SILO_DLL", Path.Combine("silo", "ActionNet.Silo"), "ActionNet.Silo.dll", "silo");

    /// <summary>The built API host (ActionNet.Api.dll): ACTIONNET_API_DLL when set, else found as the silo is.</summary>
    /// <exception cref="FileNotFoundException">The API host has not been built.</exception>
    public static string ApiAssembly() => BuiltAssembly("ACTIONNET_API_DLL", Path.Combine("src", "ActionNet.Api"), "ActionNet.Api.dll", "API host");

    private static string BuiltAssembly(string variable, string project, string assembly, string what)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{variable} '{configured}' does not exist");
        }

        var root = Root();
        var running = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var configuration in new[] { running, running == "Release" ? "Debug" : "Release" })
        {
            var path = Path.Combine(root, project, "bin", configuration, "net10.0", assembly);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"the {what} is not built: run 'dotnet build {SolutionFile} -c {running}' in {root}");
    }

    /// <summary>The Azurite launcher installed by deploy/local (npm), or null when it is not installed yet.</summary>
    public static string? AzuriteExecutable()
    {
        var path = Path.Combine(Root(), "deploy", "local", "node_modules", ".bin", "azurite");
        return File.Exists(path) ? path : null;
    }

    /// <summary>A scratch folder under the repository's ignored .work/ folder.</summary>
    public static string WorkFolder(string name)
    {
        var path = Path.Combine(Root(), ".work", name);
        Directory.CreateDirectory(path);
        return path;
    }
}
