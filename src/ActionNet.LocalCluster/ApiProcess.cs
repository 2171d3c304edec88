namespace ActionNet.LocalCluster;

/// <summary>
/// One real API host process (<c>dotnet ActionNet.Api.dll</c>) on a loopback port, joined to a local cluster
/// through its gateways; ready once its port accepts connections.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ApiProcess(int port, ChildProcess process)
    {
        Port = port;
        _process = process;
    }

    /// <summary>The HTTP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The process's log file.</summary>
    public string LogPath => _process.LogPath;

    /// <summary>The last lines of the host's log.</summary>
    public string Tail(int lines = 5) => _process.Tail(lines);

    /// <summary>The API host's whole log so far.</summary>
    public string ReadLog() => _process.ReadLog();

    /// <summary>
    /// Starts an API host for the cluster of <paramref name="gateways"/> and <paramref name="clusterId"/> on
    /// <paramref name="port"/> (a free one when 0), with the storage account of <paramref name="storage"/> and
    /// <paramref name="environment"/> added; waits up to <paramref name="timeout"/> for it to listen.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(
        string gateways,
        string clusterId,
        string storage,
        string logFolder,
        TimeSpan timeout,
        int port = 0,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        port = port > 0 ? port : FreePorts.Take(1)[0];
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings__Storage"] = storage,
            ["ActionNet__Api__Gateways"] = gateways,
            ["ActionNet__Api__ClusterId"] = clusterId,
            ["ActionNet__Api__ServiceId"] = clusterId,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var process = ChildProcess.Start("api", "dotnet", [RepositoryLayout.ApiAssembly()], env, Path.Combine(logFolder, $"api-{port}.log"));
        if (!await FreePorts.WaitForListenerAsync(port, timeout, () => process.HasExited, cancellationToken))
        {
            var tail = process.Tail();
            await process.DisposeAsync();
            throw new InvalidOperationException($"the API host did not start on 127.0.0.1:{port} within {timeout.TotalSeconds:F0} s: {tail}");
        }

        return new ApiProcess(port, process);
    }

    /// <summary>Stops the host gracefully (SIGTERM), killing it after <paramref name="grace"/>.</summary>
    public Task StopAsync(TimeSpan grace) => _process.StopAsync(grace);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
