using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ActionNet.LocalCluster;

/// <summary>
/// A supervised child process whose stdout and stderr go to a log file. It can be stopped gently
/// (SIGTERM, then SIGKILL after a grace period) or killed outright (SIGKILL, as a crash would be).
/// Disposing stops it, so no process outlives its owner.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private int _disposed;
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private readonly Lock _logLock = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
        _logPath = ((FileStream)log.BaseStream).Name;
    }

    /// <summary>A short name for messages.</summary>
    public string Name { get; }

    /// <summary>The log file holding the process's stdout and stderr.</summary>
    public string LogPath => _logPath;

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited (a disposed one has: disposing stops it).</summary>
    public bool HasExited => Volatile.Read(ref _disposed) == 1 || _process.HasExited;

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> and extra environment variables.</summary>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string logPath, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        if (!process.Start())
        {
            log.Dispose();
            throw new InvalidOperationException($"could not start {name} ({fileName})");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> is printed (lines printed earlier do not count).</summary>
    public Task WaitForLineAsync(string text, CancellationToken cancellationToken = default)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_logLock)
        {
            _waits.Add((text, seen));
        }

        return seen.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The last <paramref name="lines"/> lines of the log, for error messages.</summary>
    public string Tail(int lines = 5)
    {
        var all = ReadLog().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", all.TakeLast(lines).Select(l => l.Trim()));
    }

    /// <summary>The whole log so far, read while the process may still write to it.</summary>
    public string ReadLog()
    {
        lock (_logLock)
        {
            // After disposal the log is closed and complete: read it as it is, for diagnostics of a stopped host.
            if (Volatile.Read(ref _disposed) == 0)
            {
                _log.Flush();
            }
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    /// <summary>Kills the process at once with SIGKILL, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM) and kills it if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = SendSignal(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Both an owner and the cluster host that started the process may dispose it.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.WriteLine(line);
            foreach (var wait in _waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
