using ActionNet.Abstractions.Cameras;
using ActionNet.Storage.Keys;

namespace ActionNet.Cli.Keys;

/// <summary>The keys in the storage account, straight: whoever holds its connection string is an administrator.</summary>
public sealed class StorageApiKeys(ApiKeyStore store) : IApiKeys
{
    /// <inheritdoc/>
    public Task<(ApiKeyInfo Info, string Key)> CreateAsync(ApiRole role, string name, CameraScope cameras, CancellationToken cancellationToken) =>
        store.CreateAsync(role, name, cameras, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken) => store.RevokeAsync(id, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        // The store holds no connection of its own to close.
    }
}
