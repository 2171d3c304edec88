namespace ActionNet.Cli.Output;

/// <summary>A user-facing input error raised by the CLI itself; its message is the one line printed.</summary>
public sealed class CliInputException(string message) : Exception(message);
