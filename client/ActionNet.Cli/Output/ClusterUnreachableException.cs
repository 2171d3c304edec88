namespace ActionNet.Cli.Output;

/// <summary>
/// The cluster (its gateways or membership table) or the API could not be reached, or answered that the cluster did not:
/// exit code <see cref="CliErrors.Unreachable"/>, distinct from bad input, so a script can retry this and not that.
/// </summary>
public sealed class ClusterUnreachableException(string message) : Exception(message);
