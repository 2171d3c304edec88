namespace ActionNet.LocalCluster;

/// <summary>
/// A real cluster on this machine: one Azurite and any number of silo processes in localhost
/// clustering, each with its own accelerator label, sharing the model profiles given. Disposing
/// stops every process it started.
/// </summary>
public sealed class LocalClusterHost : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly IReadOnlyList<ModelProfileSpec> _profiles;
    private readonly IReadOnlyDictionary<string, string?> _extraEnvironment;
    private readonly int _primarySiloPort;

    private LocalClusterHost(AzuriteServer storage, string workFolder, IReadOnlyList<ModelProfileSpec> profiles, IReadOnlyDictionary<string, string?> extraEnvironment, int primarySiloPort)
    {
        Storage = storage;
        WorkFolder = workFolder;
        _profiles = profiles;
        _extraEnvironment = extraEnvironment;
        _primarySiloPort = primarySiloPort;
    }

    /// <summary>The cluster's storage emulator.</summary>
    public AzuriteServer Storage { get; }

    /// <summary>Where logs and Azurite's data live.</summary>
    public string WorkFolder { get; }

    /// <summary>The silo processes started, running or not.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

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
        var cluster = new LocalClusterHost(storage, workFolder, profiles, extraEnvironment ?? new Dictionary<string, string?>(), FreePorts.Take(1)[0]);
        try
        {
            for (var i = 0; i < accelerators.Count; i++)
            {
                await cluster.AddSiloAsync(accelerators[i], i == 0 ? cluster._primarySiloPort : null, cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more silo with <paramref name="accelerator"/>; the primary keeps its port so a restarted primary rejoins.</summary>
    public async Task<SiloProcess> AddSiloAsync(string accelerator, int? siloPort = null, CancellationToken cancellationToken = default)
    {
        var ports = FreePorts.Take(2);
        var environment = new Dictionary<string, string?>(_extraEnvironment)
        {
            ["ConnectionStrings__Storage"] = Storage.ConnectionString,
            ["ActionNet__Clustering"] = "Localhost",
            ["ActionNet__PrimarySiloPort"] = $"{_primarySiloPort}",
        };
        foreach (var (key, value) in _profiles.SelectMany(p => p.ToEnvironment()))
        {
            environment[key] = value;
        }

        var name = $"{accelerator}-{_silos.Count + 1}";
        var silo = await SiloProcess.StartAsync(name, accelerator, siloPort ?? ports[0], ports[1], environment, WorkFolder, SiloStartTimeout, cancellationToken);
        _silos.Add(silo);
        return silo;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Secondary silos first, the primary last, so membership winds down in order; storage last of all.
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }

        await Storage.DisposeAsync();
    }
}
