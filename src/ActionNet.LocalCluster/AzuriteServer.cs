using System.Diagnostics;

namespace ActionNet.LocalCluster;

/// <summary>
/// A real Azurite (Azure Storage emulator) on 127.0.0.1 with blob, queue and table endpoints, keeping
/// its data in a folder so it can be stopped and started again without losing anything. Flags per
/// the platform notes: telemetry off, API-version check skipped (Blobs 12.30 is newer than Azurite).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _executable;
    private ChildProcess? _process;

    private AzuriteServer(string executable, string dataFolder, int blobPort, int queuePort, int tablePort)
    {
        _executable = executable;
        DataFolder = dataFolder;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>Where the emulator keeps its data.</summary>
    public string DataFolder { get; }

    /// <summary>Blob endpoint port.</summary>
    public int BlobPort { get; }

    /// <summary>Queue endpoint port.</summary>
    public int QueuePort { get; }

    /// <summary>Table endpoint port.</summary>
    public int TablePort { get; }

    /// <summary>Whether the emulator process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A connection string for the emulator's well-known development account on these ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>
    /// Starts Azurite on free (or the given) ports with data in <paramref name="dataFolder"/>; installs it
    /// from npm first (deploy/local) when it is missing.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(string dataFolder, int[]? ports = null, CancellationToken cancellationToken = default)
    {
        var executable = RepositoryLayout.AzuriteExecutable() ?? await InstallAsync(cancellationToken);
        ports ??= FreePorts.Take(3);
        var server = new AzuriteServer(executable, Path.GetFullPath(dataFolder), ports[0], ports[1], ports[2]);
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the emulator process again (after <see cref="StopAsync"/>) on the same ports and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(DataFolder);
        _process = ChildProcess.Start(
            "azurite",
            _executable,
            [
                "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", DataFolder,
                "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
            ],
            new Dictionary<string, string?>(),
            Path.Combine(DataFolder, "..", $"azurite-{BlobPort}.log"));
        var process = _process;
        var up = await FreePorts.WaitForListenerAsync(TablePort, TimeSpan.FromSeconds(30), () => process.HasExited, cancellationToken)
            && await FreePorts.WaitForListenerAsync(BlobPort, TimeSpan.FromSeconds(5), () => process.HasExited, cancellationToken);
        if (!up)
        {
            var tail = process.Tail();
            await process.DisposeAsync();
            _process = null;
            throw new InvalidOperationException($"Azurite did not start on 127.0.0.1:{BlobPort}: {tail}");
        }
    }

    /// <summary>Stops the emulator (its data stays in <see cref="DataFolder"/>).</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<string> InstallAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(RepositoryLayout.Root(), "deploy", "local");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--silent"]) { WorkingDirectory = folder })
            ?? throw new InvalidOperationException("could not run npm to install Azurite");
        await npm.WaitForExitAsync(cancellationToken);
        return RepositoryLayout.AzuriteExecutable()
            ?? throw new InvalidOperationException($"Azurite is not installed and 'npm ci' in {folder} did not install it (exit {npm.ExitCode})");
    }
}
