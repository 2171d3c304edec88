using ActionNet.Cli.Output;
using ActionNet.Storage;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// The storage account a command names with <c>--storage</c> (or ACTIONNET_STORAGE), checked before it is used: a
/// connection string that is not one, or credentials the account refuses, are bad input (exit 2, one line); an account
/// that does not answer cannot be reached (exit 3).
/// </summary>
public static class StorageAccount
{
    /// <summary>The flag the messages name.</summary>
    public const string Flag = "--storage";

    /// <summary>Returns <paramref name="connection"/> once the account has answered.</summary>
    /// <exception cref="CliInputException">No connection string, a malformed one, or refused credentials; <paramref name="need"/> says what needed it.</exception>
    /// <exception cref="ClusterUnreachableException">The account did not answer.</exception>
    public static async Task<string> CheckAsync(string? connection, string need, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new CliInputException($"{need} needs {Flag} (or ACTIONNET_STORAGE): the storage account's connection string");
        }

        try
        {
            await StorageConnectionProbe.EnsureReachableAsync(Flag, connection, cancellationToken);
            return connection;
        }
        catch (StorageAccountUnreachableException e)
        {
            throw e.Misconfigured ? new CliInputException(e.Message) : new ClusterUnreachableException(e.Message);
        }
    }
}
