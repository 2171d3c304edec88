using System.Diagnostics;
using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// A real MQTT broker (Debian's mosquitto) on a free loopback port, with a generated config: one user with a
/// generated password, no anonymous access, no persistence. Never the system service. Disposing stops it.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    /// <summary>The one user the broker accepts.</summary>
    public const string Username = "actionnet";

    private readonly ChildProcess process;

    private MosquittoBroker(int port, string password, ChildProcess process)
    {
        Port = port;
        Password = password;
        this.process = process;
    }

    /// <summary>The broker's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string Password { get; }

    /// <summary>Writes the config and password file into <paramref name="folder"/> and starts the broker.</summary>
    public static async Task<MosquittoBroker> StartAsync(string folder)
    {
        var executable = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: run deploy/local/install-deps.sh");
        Directory.CreateDirectory(folder);
        var password = $"mqtt-{Guid.NewGuid():N}";
        var passwords = Path.Combine(folder, "passwd");
        using (var hash = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-b", "-c", passwords, Username, password]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not run mosquitto_passwd"))
        {
            await hash.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            if (hash.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd failed: {await hash.StandardError.ReadToEndAsync()}");
            }
        }

        // Readable by the unprivileged user mosquitto switches to when started as root.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwords, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var port = FreePorts.Take(1)[0];
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllLinesAsync(config, [$"listener {port} 127.0.0.1", "allow_anonymous false", $"password_file {passwords}", "persistence false", "log_dest stdout"]);
        var broker = ChildProcess.Start("mosquitto", executable, ["-c", config], new Dictionary<string, string?>(), Path.Combine(folder, "mosquitto.log"));
        if (!await FreePorts.WaitForListenerAsync(port, TimeSpan.FromSeconds(20), () => broker.HasExited))
        {
            var tail = broker.Tail();
            await broker.DisposeAsync();
            throw new InvalidOperationException($"mosquitto did not listen on 127.0.0.1:{port}: {tail}");
        }

        return new MosquittoBroker(port, password, broker);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => process.DisposeAsync();
}
