namespace ActionNet.Deploy.Tests;

/// <summary>
/// deploy/helm-render (Go text/template + sprig with Helm's functions), built on first use into .work/helm-render
/// with the Debian Go toolchain (<c>GO111MODULE=off GOPATH=/usr/share/gocode go build</c>) and rebuilt when its
/// source is newer than the binary. deploy/local/install-deps.sh installs the toolchain and libraries.
/// </summary>
internal static class HelmRenderer
{
    private static readonly Lazy<string> Binary = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Renders <paramref name="chart"/> with the given values files and --set arguments.</summary>
    public static ProcessResult Render(string chart, IEnumerable<string> valuesFiles, IEnumerable<string> sets)
    {
        List<string> arguments = ["--chart", chart, "--release", "demo", "--namespace", "video"];
        foreach (var file in valuesFiles)
        {
            arguments.AddRange(["-f", file]);
        }

        foreach (var set in sets)
        {
            arguments.AddRange(["--set", set]);
        }

        return ProcessResult.Run(Binary.Value, arguments, environment: null);
    }

    private static string Build()
    {
        var source = RepositoryRoot.PathOf("deploy", "helm-render", "main.go");
        var binary = RepositoryRoot.PathOf(".work", "helm-render");
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }

        var go = ProcessResult.Which("go")
            ?? throw new InvalidOperationException("go is not on PATH: run deploy/local/install-deps.sh (golang-go, golang-github-masterminds-sprig-dev, golang-k8s-sigs-yaml-dev)");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        var result = ProcessResult.Run(
            go,
            ["build", "-o", binary, "./deploy/helm-render"],
            new Dictionary<string, string>
            {
                ["GO111MODULE"] = "off",
                ["GOPATH"] = "/usr/share/gocode",
                ["GOCACHE"] = RepositoryRoot.PathOf(".work", "go-cache"),
            });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"go build ./deploy/helm-render failed ({result.ExitCode}): {result.Stderr}");
        }

        return binary;
    }
}
