using System.Diagnostics;

namespace ActionNet.Testing;

/// <summary>
/// Runs the real <c>actionnet</c> CLI as a child process (<c>dotnet actionnet.dll ...</c>, the copy in
/// the test's bin folder) and captures its exit code, stdout and stderr. A run that outlives its
/// timeout is killed and fails the test, so nothing hangs.
/// </summary>
public static class CliProcess
{
    /// <summary>How long one run may take.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>The CLI assembly next to the test assembly (a test project that uses this references the CLI project).</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "actionnet.dll");

    /// <summary>
    /// Runs <c>actionnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> (default: the temp
    /// folder), with <paramref name="environment"/> set on top of a clean environment (e.g. the <c>ACTIONNET_*</c>
    /// variables a Kubernetes preStop hook gives the CLI).
    /// </summary>
    public static async Task<CliRun> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException($"the CLI was not copied next to the tests: '{AssemblyPath}' is missing", AssemblyPath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The tests check the CLI's own words: no debug stack traces, no colour codes, and no cluster
        // settings inherited from the environment.
        foreach (var name in new[] { "ACTIONNET_DEBUG", "ACTIONNET_GATEWAYS", "ACTIONNET_CLUSTERING", "ACTIONNET_STORAGE", "ACTIONNET_CLUSTER_ID", "ACTIONNET_SERVICE_ID", "ACTIONNET_API", "ACTIONNET_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"actionnet {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds:F0} s\n--- stderr ---\n{await stderr}");
        }

        return new CliRun(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs <c>actionnet</c> and fails with the whole run when its exit code is not 0.</summary>
    public static async Task<CliRun> RunOkAsync(params string[] arguments)
    {
        var run = await RunAsync(arguments);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }
}
