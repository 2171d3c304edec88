using System.Globalization;
using System.Runtime.InteropServices;

namespace ActionNet.LocalCluster;

/// <summary>
/// A real RTSP server on 127.0.0.1 (GStreamer's, through deploy/local/rtsp-server.py) as a supervised
/// child process, for stream tests and local demos. It can be killed like a crashing camera, frozen
/// (SIGSTOP: connections stay open but nothing flows, like a hung camera), resumed, and started again on
/// the same port. Disposing stops it.
/// </summary>
public sealed partial class RtspServer : IAsyncDisposable
{
    private const int SigStop = 19;
    private const int SigCont = 18;
    private readonly RtspServerOptions _options;
    private readonly string _logFolder;
    private ChildProcess? _process;

    private RtspServer(RtspServerOptions options, int port, string logFolder)
    {
        _options = options;
        Port = port;
        _logFolder = logFolder;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server's log file (stdout and stderr).</summary>
    public string? LogPath => _process?.LogPath;

    /// <summary>
    /// Starts the server with <paramref name="options"/> and waits until it accepts connections. Logs go to
    /// <paramref name="logFolder"/> (default: the repository's .work/rtsp).
    /// </summary>
    public static async Task<RtspServer> StartAsync(RtspServerOptions? options = null, string? logFolder = null, CancellationToken cancellationToken = default)
    {
        options ??= new RtspServerOptions();
        var port = options.Port > 0 ? options.Port : FreePorts.Take(1)[0];
        var server = new RtspServer(options, port, logFolder ?? RepositoryLayout.WorkFolder("rtsp"));
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>The URL of <paramref name="mount"/>, with credentials when given (percent-encoded).</summary>
    public string Url(string mount = "/cam", string? user = null, string? password = null)
    {
        var credentials = user is null ? string.Empty : Uri.EscapeDataString(user) + (password is null ? string.Empty : ":" + Uri.EscapeDataString(password)) + "@";
        return $"rtsp://{credentials}127.0.0.1:{Port}{mount}";
    }

    /// <summary>Starts the server process again (after <see cref="KillAsync"/> or <see cref="StopAsync"/>) on the same port.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var script = Path.Combine(RepositoryLayout.Root(), "deploy", "local", "rtsp-server.py");
        var process = ChildProcess.Start(
            "rtsp-server",
            Python(),
            [script, .. Arguments()],
            new Dictionary<string, string?>(),
            Path.Combine(_logFolder, $"rtsp-server-{Port}.log"));
        _process = process;

        // A port just released by a killed server can take a moment to accept again; the deadline covers it.
        var up = await FreePorts.WaitForListenerAsync(Port, TimeSpan.FromSeconds(20), () => process.HasExited, cancellationToken);
        if (!up)
        {
            var tail = process.Tail();
            await process.DisposeAsync();
            _process = null;
            throw new InvalidOperationException($"the RTSP server did not start on 127.0.0.1:{Port}: {tail}");
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crashing camera would disappear.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            Resume();
            await _process.KillAsync();
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Freezes the server (SIGSTOP): its sockets stay open but no data flows, like a hung camera.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public void Resume() => Signal(SigCont);

    /// <summary>Stops the server gently (SIGTERM).</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            Resume();
            await _process.StopAsync(TimeSpan.FromSeconds(5));
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync();

    // Debian's python3 has the gi module (python3-gi); a pyenv or venv python3 earlier on PATH does not.
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private IEnumerable<string> Arguments()
    {
        yield return "--port";
        yield return Port.ToString(CultureInfo.InvariantCulture);
        foreach (var mount in _options.Mounts)
        {
            yield return "--mount";
            yield return mount;
        }

        foreach (var mount in _options.SharedMounts)
        {
            yield return "--shared-mount";
            yield return mount;
        }

        foreach (var (mount, file) in _options.FileMounts)
        {
            yield return "--file-mount";
            yield return $"{mount}={Path.GetFullPath(file)}";
        }

        yield return "--width";
        yield return _options.Width.ToString(CultureInfo.InvariantCulture);
        yield return "--height";
        yield return _options.Height.ToString(CultureInfo.InvariantCulture);
        yield return "--fps";
        yield return _options.FramesPerSecond.ToString(CultureInfo.InvariantCulture);
        yield return "--encoder";
        yield return _options.Encoder;
        if (_options.User is not null && _options.Password is not null)
        {
            yield return "--user";
            yield return _options.User;
            yield return "--password";
            yield return _options.Password;
        }
    }

    private void Signal(int signal)
    {
        if (_process is { HasExited: false } process)
        {
            _ = SendSignal(process.Id, signal);
        }
    }
}
