using Azure;
using Azure.Storage.Blobs;

namespace ActionNet.Storage;

/// <summary>
/// Checks at start-up that a storage account answers, so a wrong or missing setting stops the process
/// with one line naming the setting and the endpoint instead of failing later, camera by camera.
/// </summary>
public static class StorageConnectionProbe
{
    /// <summary>
    /// Reads the account's blob service properties with a short timeout.
    /// </summary>
    /// <param name="settingKey">The configuration key the connection string came from, e.g. <see cref="HistoryStorageOptions.ConnectionStringKey"/>.</param>
    /// <param name="connectionString">The storage connection string.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <exception cref="StorageAccountUnreachableException">The setting is missing or malformed, or the account did not answer.</exception>
    public static async Task EnsureReachableAsync(string settingKey, string? connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingKey);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageAccountUnreachableException(settingKey, "(none)", "the setting is missing or empty", misconfigured: true);
        }

        BlobServiceClient service;
        try
        {
            var probeOptions = new HistoryStorageOptions { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5) };
            service = new BlobServiceClient(connectionString, LabelStore.CreateClientOptions(probeOptions));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new StorageAccountUnreachableException(settingKey, "(none)", "the setting is not a valid storage connection string", e, misconfigured: true);
        }

        try
        {
            await service.GetPropertiesAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsOutage(e, cancellationToken))
        {
            var refused = e is RequestFailedException { Status: 401 or 403 };
            throw new StorageAccountUnreachableException(
                settingKey,
                service.Uri.ToString().TrimEnd('/'),
                refused ? $"{StorageFailures.Describe(e)}: the account refused the credentials; check the account name and key" : StorageFailures.Describe(e),
                e,
                refused);
        }
    }
}
