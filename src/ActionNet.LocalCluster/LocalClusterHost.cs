namespace ActionNet.LocalCluster;

/// <summary>
/// A real cluster on this machine: one Azurite and any number of silo processes, each with its own
/// accelerator label, sharing the model profiles given. Membership lives in Azurite's table (AzureTable
/// clustering, a fresh cluster id per host) so that any silo, the first included, can die or restart
/// without taking the cluster with it. Disposing stops every process it started.
/// </summary>
public sealed class LocalClusterHost : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly List<ApiProcess> _apis = [];
    private readonly IReadOnlyList<ModelProfileSpec> _profiles;
    private readonly IReadOnlyDictionary<string, string?> _extraEnvironment;

    private LocalClusterHost(AzuriteServer storage, string workFolder, IReadOnlyList<ModelProfileSpec> profiles, IReadOnlyDictionary<string, string?> extraEnvironment)
    {
        Storage = storage;
        WorkFolder = workFolder;
        _profiles = profiles;
        _extraEnvironment = extraEnvironment;
    }

    /// <summary>The cluster's storage emulator.</summary>
    public AzuriteServer Storage { get; }

    /// <summary>Where logs and Azurite's data live.</summary>
    public string WorkFolder { get; }

    /// <summary>The silo processes started, running or not.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>The Orleans cluster id (and service id) the silos share; clients must use it too.</summary>
    public string ClusterId { get; } = $"actionnet-{Guid.NewGuid():N}"[..22];

    /// <summary>Gateways of the running silos, as the CLI's --gateway takes them.</summary>
    public string Gateways => string.Join(",", _silos.Where(s => s.IsRunning).Select(s => $"127.0.0.1:{s.GatewayPort}"));

    /// <summary>Seconds a silo may take to open its gateway.</summary>
    public static TimeSpan SiloStartTimeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>Starts Azurite and one silo per accelerator label in <paramref name="accelerators"/> (the first is the primary).</summary>
    public static async Task<LocalClusterHost> StartAsync(
        string workFolder,
        IReadOnlyList<string> accelerators,
        IReadOnlyList<ModelProfileSpec> profiles,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accelerators);
        Directory.CreateDirectory(workFolder);
        var storage = await AzuriteServer.StartAsync(Path.Combine(workFolder, "azurite"), cancellationToken: cancellationToken);
        var cluster = new LocalClusterHost(storage, workFolder, profiles, extraEnvironment ?? new Dictionary<string, string?>());
        try
        {
            foreach (var accelerator in accelerators)
            {
                await cluster.AddSiloAsync(accelerator, cancellationToken: cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>
    /// Starts one more silo with <paramref name="accelerator"/>, on free ports unless <paramref name="ports"/> (silo,
    /// gateway) are given; its HTTP port is always a free one.
    /// </summary>
    public async Task<SiloProcess> AddSiloAsync(string accelerator, (int Silo, int Gateway)? ports = null, CancellationToken cancellationToken = default)
    {
        var free = FreePorts.Take(3);
        var (siloPort, gatewayPort) = ports ?? (free[0], free[1]);
        var httpPort = free.Last(p => p != siloPort && p != gatewayPort);
        var environment = new Dictionary<string, string?>(_extraEnvironment)
        {
            ["ConnectionStrings__Storage"] = Storage.ConnectionString,
            ["ActionNet__Clustering"] = "AzureTable",
            ["ActionNet__ClusterId"] = ClusterId,
            ["ActionNet__ServiceId"] = ClusterId,
        };
        foreach (var (key, value) in _profiles.SelectMany(p => p.ToEnvironment()))
        {
            environment[key] = value;
        }

        // Camera files are made beside the cluster's folder (the demo's videos, the tests' and drills' media).
        environment.TryAdd("ActionNet__Ingest__MediaRoots__0", Path.GetDirectoryName(Path.GetFullPath(WorkFolder)));

        var name = $"{accelerator}-{_silos.Count + 1}";
        var silo = await SiloProcess.StartAsync(name, accelerator, siloPort, gatewayPort, httpPort, environment, WorkFolder, SiloStartTimeout, cancellationToken);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The API hosts started, running or not.</summary>
    public IReadOnlyList<ApiProcess> Apis => _apis;

    /// <summary>
    /// Starts an API host joined to this cluster through its running silos' gateways, on <paramref name="port"/>
    /// (a free one when 0), with <paramref name="environment"/> added to its settings.
    /// </summary>
    public async Task<ApiProcess> StartApiAsync(int port = 0, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var api = await ApiProcess.StartAsync(Gateways, ClusterId, Storage.ConnectionString, WorkFolder, SiloStartTimeout, port, environment, cancellationToken);
        _apis.Add(api);
        return api;
    }

    /// <summary>Where the cluster lives and the tail of every silo's log, for failure messages.</summary>
    public string Diagnostics()
    {
        var text = new System.Text.StringBuilder($"cluster {ClusterId} in {WorkFolder}; Azurite running: {Storage.IsRunning}\n");
        foreach (var api in _apis)
        {
            text.AppendLine($"--- api on port {api.Port} (running: {api.IsRunning}) {api.LogPath} ---").AppendLine(api.Tail(15));
        }

        foreach (var silo in _silos)
        {
            text.AppendLine($"--- silo {silo.Name} ({silo.Accelerator}, running: {silo.IsRunning}) {silo.LogPath} ---");
            try
            {
                text.AppendLine(silo.Tail(25).Replace(" | ", "\n", StringComparison.Ordinal));
            }
            catch (IOException e)
            {
                text.AppendLine($"(log unreadable: {e.Message})");
            }
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis)
        {
            await api.DisposeAsync();
        }

        // Silos in reverse start order, storage last so that every silo can record its goodbye.
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }

        await Storage.DisposeAsync();
    }
}
