namespace ActionNet.Cli.Output;

/// <summary>A failure the CLI explains itself (an API answer other than bad input or an unreachable cluster): exit code <see cref="CliErrors.Failure"/>, its message the one line printed.</summary>
public sealed class CliFailureException(string message) : Exception(message);
