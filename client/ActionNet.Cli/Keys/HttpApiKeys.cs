using ActionNet.Abstractions.Cameras;
using ActionNet.Cli.Cluster;
using ActionNet.Storage.Keys;

namespace ActionNet.Cli.Keys;

/// <summary>The keys through the API's <c>/api/v1/keys</c>, with an admin key.</summary>
public sealed class HttpApiKeys(ApiClient api) : IApiKeys
{
    /// <inheritdoc/>
    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(ApiRole role, string name, CameraScope cameras, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var created = await api.SendAsync<CreatedKey>(HttpMethod.Post, "api/v1/keys", new { role = role.ToString().ToLowerInvariant(), name, cameras = cameras.Patterns }, cancellationToken)
            ?? throw new InvalidOperationException("the API answered a key's creation with 404");
        // The answer is the key as created: its time is the API's, within a request of now.
        return (new ApiKeyInfo(created.Id, created.Name, role, DateTimeOffset.UtcNow, null, created.Cameras), created.Key);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken) => await api.GetAsync<ApiKeyInfo[]>("api/v1/keys", cancellationToken);

    /// <inheritdoc/>
    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken) => api.DeleteAsync($"api/v1/keys/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => api.Dispose();

    private sealed record CreatedKey(string Id, string Key, string Name, string[] Cameras);
}
