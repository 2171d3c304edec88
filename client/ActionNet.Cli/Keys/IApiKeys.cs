using ActionNet.Abstractions.Cameras;
using ActionNet.Storage.Keys;

namespace ActionNet.Cli.Keys;

/// <summary>
/// The API keys as <c>actionnet keys</c> manages them: in the storage account itself (<see cref="StorageApiKeys"/>, how the
/// first admin key is made) or through the API with an admin key (<see cref="HttpApiKeys"/>).
/// </summary>
public interface IApiKeys : IDisposable
{
    /// <summary>Creates a key; returns its listing and the key, shown this once.</summary>
    Task<(ApiKeyInfo Info, string Key)> CreateAsync(ApiRole role, string name, CameraScope cameras, CancellationToken cancellationToken);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes key <paramref name="id"/>; false when there is none.</summary>
    Task<bool> RevokeAsync(string id, CancellationToken cancellationToken);
}
