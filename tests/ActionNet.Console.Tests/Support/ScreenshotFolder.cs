using ActionNet.LocalCluster;

namespace ActionNet.Console.Tests.Support;

/// <summary>Where the console tests save their screenshots: <c>.artifacts/console-screenshots/</c> under the repository root.</summary>
public static class ScreenshotFolder
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var path = System.IO.Path.Combine(RepositoryLayout.Root(), ".artifacts", "console-screenshots");
        Directory.CreateDirectory(path);
        return path;
    });

    /// <summary>The folder (created on first use).</summary>
    public static string Path => Folder.Value;
}
