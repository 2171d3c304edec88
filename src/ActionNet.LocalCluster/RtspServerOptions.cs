namespace ActionNet.LocalCluster;

/// <summary>
/// What <see cref="RtspServer"/> serves (deploy/local/rtsp-server.py): live test-pattern mounts and/or
/// looping video files, at one size and rate, optionally behind RTSP basic auth.
/// </summary>
public sealed record RtspServerOptions
{
    /// <summary>Mount paths serving a live test pattern, e.g. "/cam". Default: one, "/cam".</summary>
    public IReadOnlyList<string> Mounts { get; init; } = ["/cam"];

    /// <summary>Mount paths serving a video file (decoded and re-encoded), path to file.</summary>
    public IReadOnlyDictionary<string, string> FileMounts { get; init; } = new Dictionary<string, string>();

    /// <summary>Test-pattern mounts whose one pipeline (one encoder) serves every client, for benchmarks with many clients.</summary>
    public IReadOnlyList<string> SharedMounts { get; init; } = [];

    /// <summary>Frame width of the test pattern in pixels. Default 320.</summary>
    public int Width { get; init; } = 320;

    /// <summary>Frame height of the test pattern in pixels. Default 240.</summary>
    public int Height { get; init; } = 240;

    /// <summary>Frames per second. Default 15.</summary>
    public int FramesPerSecond { get; init; } = 15;

    /// <summary>"h264" (x264, default) or "jpeg" (RTP/JPEG: cheaper for very large or tiny frames).</summary>
    public string Encoder { get; init; } = "h264";

    /// <summary>When set with <see cref="Password"/>, every mount needs these credentials (else 401).</summary>
    public string? User { get; init; }

    /// <summary>The password for <see cref="User"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The port on 127.0.0.1; 0 takes a free one.</summary>
    public int Port { get; init; }
}
