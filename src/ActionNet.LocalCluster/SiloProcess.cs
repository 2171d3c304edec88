namespace ActionNet.LocalCluster;

/// <summary>
/// One real silo process (<c>dotnet ActionNet.Silo.dll</c>) configured only through environment
/// variables, ready once its gateway port accepts connections; it serves /healthz, /readyz and /metrics on
/// <see cref="HttpPort"/>.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloProcess(string name, string accelerator, int siloPort, int gatewayPort, int httpPort, ChildProcess process)
    {
        Name = name;
        Accelerator = accelerator;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        _process = process;
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>Its accelerator label (t4, jetson, cpu, ...).</summary>
    public string Accelerator { get; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>HTTP port of /healthz, /readyz and /metrics on 127.0.0.1.</summary>
    public int HttpPort { get; }

    /// <summary>The silo's HTTP address, e.g. http://127.0.0.1:8080/.</summary>
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The exit code once the process has exited: 0 after a graceful stop, 2 for a bad setting, 137 when killed.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The operating-system process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Resident memory of the silo process in bytes (Linux /proc), or 0 when it cannot be read.</summary>
    public long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? 0 : long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The process's log file.</summary>
    public string LogPath => _process.LogPath;

    /// <summary>The last lines of the silo's log.</summary>
    public string Tail(int lines = 5) => _process.Tail(lines);

    /// <summary>The silo's whole log so far.</summary>
    public string ReadLog() => _process.ReadLog();

    /// <summary>
    /// Starts a silo and waits (up to <paramref name="timeout"/>) for its gateway; the process is
    /// stopped and its log tail reported when it exits or never opens the gateway.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(
        string name,
        string accelerator,
        int siloPort,
        int gatewayPort,
        int httpPort,
        IReadOnlyDictionary<string, string?> environment,
        string logFolder,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var env = new Dictionary<string, string?>(environment)
        {
            ["ActionNet__SiloName"] = name,
            ["ActionNet__Accelerator"] = accelerator,
            ["ActionNet__SiloPort"] = $"{siloPort}",
            ["ActionNet__GatewayPort"] = $"{gatewayPort}",
            ["ActionNet__HttpPort"] = $"{httpPort}",
            ["DOTNET_ENVIRONMENT"] = environment.TryGetValue("DOTNET_ENVIRONMENT", out var e) ? e : "Production",
        };
        var process = ChildProcess.Start($"silo {name}", "dotnet", [RepositoryLayout.SiloAssembly()], env, Path.Combine(logFolder, $"silo-{name}.log"));
        if (!await FreePorts.WaitForListenerAsync(gatewayPort, timeout, () => process.HasExited, cancellationToken))
        {
            var tail = process.Tail();
            await process.DisposeAsync();
            throw new InvalidOperationException($"silo {name} did not open its gateway on 127.0.0.1:{gatewayPort} within {timeout.TotalSeconds:F0} s: {tail}");
        }

        return new SiloProcess(name, accelerator, siloPort, gatewayPort, httpPort, process);
    }

    /// <summary>Kills the silo with SIGKILL (a crash: no graceful shutdown, no goodbye to the cluster).</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Stops the silo gracefully (SIGTERM), killing it after <paramref name="grace"/>.</summary>
    public Task StopAsync(TimeSpan grace) => _process.StopAsync(grace);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
