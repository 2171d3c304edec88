using ActionNet.Abstractions.Cameras;
using ActionNet.Storage.Keys;

namespace ActionNet.Storage.Tests;

/// <summary>API keys limited to cameras, stored in a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AKeyLimitedToCamerasIsVerifiedAndListedWithItsPatterns()
    {
        var store = new ApiKeyStore(azurite.ConnectionString);

        var (info, key) = await store.CreateAsync(ApiRole.Viewer, "lobby-viewer", CameraScope.Parse("lobby-*,dock-1", "--cameras"));

        Assert.Equal(["lobby-*", "dock-1"], info.Cameras);
        Assert.Equal(["lobby-*", "dock-1"], (await store.VerifyAsync(key))!.Cameras);
        Assert.Equal(["lobby-*", "dock-1"], (await store.ListAsync()).Single(k => k.Id == info.Id).Cameras);
        var (every, everyKey) = await store.CreateAsync(ApiRole.Operator, "everything", CameraScope.All);
        Assert.Empty(every.Cameras);
        Assert.Empty((await store.VerifyAsync(everyKey))!.Cameras);
    }

    [Fact]
    public async Task AnAdminKeyCannotBeLimitedToCameras()
    {
        var store = new ApiKeyStore(azurite.ConnectionString);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(ApiRole.Admin, "admin", CameraScope.Parse("lobby-*", "--cameras")));

        Assert.StartsWith("an admin key cannot be limited to cameras (lobby-*)", error.Message, StringComparison.Ordinal);
    }
}
