using ActionNet.Drills;
using ActionNet.LocalCluster;

namespace ActionNet.Cli.Tests;

/// <summary>
/// A real one-silo cluster (the drills' harness: Azurite, a silo process, the probe model) and an RTSP
/// server behind basic auth, for the camera commands' tests. Each test uses its own camera ids.
/// </summary>
public sealed class CameraClusterFixture : IAsyncLifetime
{
    /// <summary>The RTSP server's user.</summary>
    public const string User = "alice";

    /// <summary>The RTSP server's password: no process, blob, log line or CLI output may show it.</summary>
    public string Password { get; } = "pw-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The cluster.</summary>
    public DrillCluster Cluster { get; private set; } = null!;

    /// <summary>The RTSP server (64x48, /cam) that wants <see cref="User"/> and <see cref="Password"/>.</summary>
    public RtspServer Secured { get; private set; } = null!;

    /// <summary>A looping 64x48 video inside the silo's media folder.</summary>
    public string Video { get; private set; } = "";

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Cluster = await DrillCluster.StartAsync("cli-cameras", 1, new DrillOptions());
        Secured = await RtspServer.StartAsync(
            new RtspServerOptions { Mounts = ["/cam"], Width = 64, Height = 48, FramesPerSecond = 10, User = User, Password = Password },
            Path.Combine(Cluster.Folder, "rtsp"));
        Video = Cluster.Media.Pattern("pattern.mp4");
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Secured.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Runs the CLI against the cluster.</summary>
    public Task<CliRun> CliAsync(params string[] arguments) =>
        CliProcess.RunAsync([.. arguments, "--gateway", Cluster.Host.Gateways, "--cluster-id", Cluster.Host.ClusterId, "--service-id", Cluster.Host.ClusterId]);
}
