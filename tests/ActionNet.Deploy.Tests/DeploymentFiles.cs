using System.Text.RegularExpressions;

namespace ActionNet.Deploy.Tests;

/// <summary>The Helm chart and the container image files, and the silo setting names they mention.</summary>
internal static partial class DeploymentFiles
{
    /// <summary>The chart's folder.</summary>
    public static string Chart => RepositoryRoot.PathOf("helm", "actionnet");

    /// <summary>Every file of the chart and of deploy/docker, as repository-relative paths.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. new[] { Chart, RepositoryRoot.PathOf("deploy", "docker") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(RepositoryRoot.Relative)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The hosts whose settings <paramref name="file"/> (repository-relative) may name: the API host's templates and
    /// image name the API host's, the silo's templates and images the silo's, and shared files (values.yaml, the
    /// helpers, NOTES.txt, the images' README) either.
    /// </summary>
    public static IReadOnlyList<HostSettings> HostsNamedIn(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("api-", StringComparison.Ordinal) || name == "api.Dockerfile" ? [HostSettings.Api]
            : name.StartsWith("silo-", StringComparison.Ordinal) || name is "silo.Dockerfile" or "jetson.Dockerfile" ? [HostSettings.Silo]
            : [HostSettings.Silo, HostSettings.Api];
    }

    /// <summary>The variables an image's <c>ENV</c> instructions set (continuation lines joined).</summary>
    public static IEnumerable<string> ImageEnvironment(string dockerfile) =>
        EnvInstruction().Matches(dockerfile.Replace("\\\n", " ", StringComparison.Ordinal))
            .SelectMany(m => m.Groups[1].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(assignment => assignment.Split('=')[0]);

    /// <summary>
    /// Host setting names (<c>ActionNet__*</c>, <c>Inference__*</c>, <c>ConnectionStrings__*</c>) in <paramref name="text"/>,
    /// template expressions and placeholders included as they are written.
    /// </summary>
    public static IEnumerable<string> SettingNames(string text) => SettingNamePattern().Matches(text).Select(m => m.Value);

    /// <summary>The actionnet CLI's environment variables (<c>ACTIONNET_*</c>) in <paramref name="text"/>.</summary>
    public static IEnumerable<string> CliVariables(string text) => CliVariablePattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])(?:ActionNet|Inference|ConnectionStrings)__(?:[A-Za-z0-9_\-]|\{\{[^}]*\}\}|<[^>\s]*>)+")]
    private static partial Regex SettingNamePattern();

    /// <summary>Orleans Kubernetes hosting's environment variables (<c>POD_*</c>, <c>ORLEANS_*</c>) in <paramref name="text"/>.</summary>
    public static IEnumerable<string> OrleansKubernetesVariables(string text) => OrleansKubernetesVariablePattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\b(?:POD|ORLEANS)_[A-Z_]+\b")]
    private static partial Regex OrleansKubernetesVariablePattern();

    [GeneratedRegex(@"\bACTIONNET_[A-Z_]+\b")]
    private static partial Regex CliVariablePattern();

    [GeneratedRegex(@"(?m)^ENV\s+(.+)$")]
    private static partial Regex EnvInstruction();
}
