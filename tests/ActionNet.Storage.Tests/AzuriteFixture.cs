using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActionNet.Storage;
using Azure.Storage.Blobs;

namespace ActionNet.Storage.Tests;

/// <summary>
/// A real Azurite started for this test run on free ports of its own (never the developer's 10000),
/// through deploy/local/azurite.sh, with its data in a temporary folder; stopped and deleted at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account; not a secret.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string root = FindRepositoryRoot();
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "actionnet-storage-tests-" + Guid.NewGuid().ToString("N"));
    private readonly int[] ports = FreePorts(3);

    /// <summary>A connection string for the fixture's Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";

    /// <summary>A client for a container no other test uses; it does not exist until first written.</summary>
    public BlobContainerClient CreateContainer() =>
        new BlobServiceClient(ConnectionString, LabelStore.CreateClientOptions(new HistoryStorageOptions()))
            .GetBlobContainerClient("t" + Guid.NewGuid().ToString("N"));

    /// <summary>A label store over a container and a table no other test uses; <paramref name="counter"/> counts its requests.</summary>
    public LabelStore CreateStore(StorageCallCounter? counter = null)
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        return LabelStore.Connect(new HistoryStorageOptions { ConnectionString = ConnectionString, ContainerName = name, TableName = name }, counter);
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        await RunScriptAsync("start", dataDirectory);

        // The script returns once the port accepts connections; wait until the blob service answers requests too.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await StorageConnectionProbe.EnsureReachableAsync("tests:azurite", ConnectionString);
                return;
            }
            catch (StorageAccountUnreachableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await RunScriptAsync("stop");
        Directory.Delete(dataDirectory, recursive: true);

        // The script keeps its pid file and log per blob port; a throwaway port leaves nothing worth keeping.
        var scriptState = Path.Combine(root, ".work", $"azurite-{ports[0]}");
        if (Directory.Exists(scriptState))
        {
            Directory.Delete(scriptState, recursive: true);
        }
    }

    private async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "deploy", "local", "azurite.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AZURITE_BLOB_PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_QUEUE_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_TABLE_PORT"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActionNet.Cluster.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ActionNet.Cluster.sln above {AppContext.BaseDirectory}");
    }
}
