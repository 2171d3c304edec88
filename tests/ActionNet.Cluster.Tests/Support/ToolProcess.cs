using System.Diagnostics;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// Runs a tool the contract tests use (Redocly's lint from npm, Kiota and <c>dotnet build</c> from the .NET SDK) as a child
/// process, capturing its exit code and output; one that outlives its timeout is killed and fails the test.
/// </summary>
public static class ToolProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<CliRun> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["KIOTA_UPDATE__DISABLED"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{file}'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:F0} s\n--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}");
        }

        return new CliRun($"{file} {string.Join(' ', arguments)}", process.ExitCode, await stdout, await stderr);
    }
}
