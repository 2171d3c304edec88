using ActionNet.Abstractions;
using ActionNet.Evaluation;
using ActionNet.Inference.Contracts;
using ActionNet.Vision.Sources;

namespace ActionNet.Cli.Output;

/// <summary>
/// Turns an exception into the CLI's contract for failures: one line on stderr, no stack trace
/// (set <c>ACTIONNET_DEBUG=1</c> to see it), and an exit code that says what kind of failure it was.
/// </summary>
public static class CliErrors
{
    /// <summary>Exit code for bad input: a file, model, dataset or argument that is not what was expected.</summary>
    public const int InputError = 2;

    /// <summary>Exit code for anything else that went wrong.</summary>
    public const int Failure = 1;

    /// <summary>Exit code when the cluster's gateways, its membership table or the API cannot be reached (or the API cannot reach the cluster).</summary>
    public const int Unreachable = 3;

    /// <summary>Exit code when the user pressed Ctrl-C.</summary>
    public const int Cancelled = 130;

    /// <summary>Writes the one-line message for <paramref name="ex"/> to stderr and returns its exit code.</summary>
    public static int Report(Exception ex)
    {
        var (code, message) = Describe(ex);
        Console.Error.WriteLine($"error: {message}");
        if (Environment.GetEnvironmentVariable("ACTIONNET_DEBUG") == "1")
        {
            Console.Error.WriteLine(ex);
        }

        return code;
    }

    /// <summary>The exit code and single-line message for an exception.</summary>
    public static (int Code, string Message) Describe(Exception ex)
    {
        ex = Unwrap(ex);
        return ex switch
        {
            OperationCanceledException => (Cancelled, "cancelled"),
            ClusterUnreachableException => (Unreachable, ErrorText.OneLine(ex.Message)),
            CliFailureException => (Failure, ErrorText.OneLine(ex.Message)),
            CliInputException or VideoSourceException or ModelContractException or DatasetEvaluationException
                or ArgumentException or FileNotFoundException or DirectoryNotFoundException or FormatException
                => (InputError, ErrorText.OneLine(ex.Message)),
            _ => (Failure, $"{ex.GetType().Name}: {ErrorText.OneLine(ex.Message)}"),
        };
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && ex.InnerException is not null)
        {
            ex = ex.InnerException!;
        }

        return ex;
    }
}
