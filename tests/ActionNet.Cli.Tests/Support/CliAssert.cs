namespace ActionNet.Cli.Tests.Support;

/// <summary>The CLI's failure contract, checked on a finished run.</summary>
public static class CliAssert
{
    /// <summary>
    /// Bad input: exit code 2, exactly one stderr line, starting with <c>error: </c> and naming
    /// <paramref name="named"/>, and no stack trace anywhere.
    /// </summary>
    public static void InputError(CliRun run, string named)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(run.ExitCode == 2, $"expected exit code 2\n{run}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        NoStackTrace(run);
    }

    /// <summary>Neither stream shows a .NET stack trace.</summary>
    public static void NoStackTrace(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
    }
}
