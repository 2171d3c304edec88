using System.Net.Http.Headers;
using ActionNet.Abstractions.Cameras;
using ActionNet.LocalCluster;
using ActionNet.Storage.Keys;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>A real API host process joined to a test cluster, with one key per role.</summary>
public sealed class ApiSession : IAsyncDisposable
{
    private readonly List<HttpClient> clients = [];

    private ApiSession(ApiProcess process, ApiKeyStore keys, string admin, string @operator, string viewer)
    {
        Process = process;
        Keys = keys;
        AdminKey = admin;
        OperatorKey = @operator;
        ViewerKey = viewer;
    }

    /// <summary>The API host process.</summary>
    public ApiProcess Process { get; }

    /// <summary>The key store of the cluster's storage account.</summary>
    public ApiKeyStore Keys { get; }

    /// <summary>An admin key.</summary>
    public string AdminKey { get; }

    /// <summary>An operator key.</summary>
    public string OperatorKey { get; }

    /// <summary>A viewer key.</summary>
    public string ViewerKey { get; }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>Starts an API host for <paramref name="cluster"/> with <paramref name="environment"/> added, and makes one key per role.</summary>
    public static async Task<ApiSession> StartAsync(TestCluster cluster, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var process = await cluster.Host.StartApiAsync(environment: environment);
        var keys = new ApiKeyStore(cluster.Host.Storage.ConnectionString);
        var admin = (await keys.CreateAsync(ApiRole.Admin, "tests-admin", CameraScope.All)).Key;
        var @operator = (await keys.CreateAsync(ApiRole.Operator, "tests-operator", CameraScope.All)).Key;
        var viewer = (await keys.CreateAsync(ApiRole.Viewer, "tests-viewer", CameraScope.All)).Key;
        return new ApiSession(process, keys, admin, @operator, viewer);
    }

    /// <summary>A new key of <paramref name="role"/> limited to the comma-separated camera patterns <paramref name="cameras"/>.</summary>
    public async Task<string> ScopedKeyAsync(ApiRole role, string cameras) =>
        (await Keys.CreateAsync(role, $"tests-{role.ToString().ToLowerInvariant()}-scoped", CameraScope.Parse(cameras, "cameras"))).Key;

    /// <summary>An HTTP client on the API that sends <paramref name="key"/> (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        clients.Add(client);
        return client;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Process.DisposeAsync();
    }
}
