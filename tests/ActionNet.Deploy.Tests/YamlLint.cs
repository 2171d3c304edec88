namespace ActionNet.Deploy.Tests;

/// <summary>yamllint (Debian package, deploy/local/install-deps.sh) in strict mode with rendered-chart.yamllint.</summary>
internal static class YamlLint
{
    /// <summary>yamllint's problems for <paramref name="yaml"/>, one per line; empty when clean.</summary>
    public static string Problems(string yaml)
    {
        var yamllint = ProcessResult.Which("yamllint")
            ?? throw new InvalidOperationException("yamllint is not on PATH: run deploy/local/install-deps.sh");
        var config = RepositoryRoot.PathOf("tests", "ActionNet.Deploy.Tests", "rendered-chart.yamllint");
        var result = ProcessResult.Run(yamllint, ["-s", "-f", "parsable", "-c", config, "-"], environment: null, stdin: yaml);
        return result.ExitCode == 0 ? "" : (result.Stdout + result.Stderr).Trim();
    }
}
