using ActionNet.Abstractions.Cameras;
using ActionNet.LocalCluster;

namespace ActionNet.Drills;

/// <summary>
/// An RTSP camera (GStreamer server on loopback, basic auth with the credentials in the URL) disappears
/// (SIGKILL) and comes back on the same port. The camera must notice, say so in its status without showing
/// the password, reconnect by itself (no re-registration) and label again.
/// </summary>
public static class StreamRestartDrill
{
    /// <summary>The drill's short name.</summary>
    public const string Name = "stream";

    private const string User = "drill";
    private const string Password = "s3cret-Pw";
    private const string Camera = "rtsp-cam";

    /// <summary>Starts a one-silo cluster and an RTSP server, runs the drill and stops them.</summary>
    public static async Task<StreamRestartResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var cluster = await DrillCluster.StartAsync("stream-restart", 1, options, cancellationToken: cancellationToken);
        await using var server = await RtspServer.StartAsync(
            new RtspServerOptions { Mounts = ["/cam"], Width = 64, Height = 48, FramesPerSecond = 10, User = User, Password = Password },
            Path.Combine(cluster.Folder, "rtsp"),
            cancellationToken);
        return await RunAsync(cluster, server, cancellationToken);
    }

    /// <summary>Runs the drill on <paramref name="cluster"/> with <paramref name="server"/> (serving /cam behind the drill's credentials).</summary>
    public static async Task<StreamRestartResult> RunAsync(DrillCluster cluster, RtspServer server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(server);
        var log = cluster.Options.Log;
        await cluster.RegisterAsync(Camera, server.Url("/cam", User, Password), loop: false);
        await cluster.WaitForEventsAsync(Camera, "3 stored labels from the stream", h => h.Count >= 3);

        log($"stream: killing the RTSP server on port {server.Port}");
        var killedAt = DateTimeOffset.UtcNow;
        await server.KillAsync();
        var down = await cluster.WaitForStatusAsync(Camera, "the camera to notice the server is gone", s => s.State != CameraState.Streaming && s.LastError is not null, TimeSpan.FromSeconds(60));
        var detection = DateTimeOffset.UtcNow - killedAt;
        log($"stream: camera {down.State} after {detection.TotalSeconds:F1} s: {down.LastError}");

        // The outage lasts a fixed time, so reconnect attempts meet a refused port before the server returns.
        var left = cluster.Options.StreamDowntime - (DateTimeOffset.UtcNow - killedAt);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, cancellationToken);
        }

        await server.RestartAsync(cancellationToken);
        var restartedAt = DateTimeOffset.UtcNow;
        var history = await cluster.WaitForEventsAsync(Camera, "a label of a window captured after the server returned", h => h.Any(e => e.Start > restartedAt));
        var first = history.Where(e => e.Start > restartedAt).Min(e => e.StoredAt);
        log($"stream: labelling again {(first - restartedAt).TotalSeconds:F1} s after the server returned ({(first - killedAt).TotalSeconds:F1} s after the kill)");

        var final = await cluster.WaitForStatusAsync(Camera, "streaming again", s => s.State == CameraState.Streaming);
        var stored = await cluster.StoredEventsAsync(Camera);
        var result = new StreamRestartResult
        {
            KilledAt = killedAt,
            Detection = detection,
            Downtime = restartedAt - killedAt,
            RecoveryTime = first - killedAt,
            AfterRestart = first - restartedAt,
            StateWhileDown = down.State,
            ErrorWhileDown = down.LastError,
            Final = final,
            Password = Password,
            EventsBefore = stored.Count(e => e.End < killedAt),
            EventsAfter = stored.Count(e => e.Start > restartedAt),
            Duplicates = StoredEvents.Duplicates(stored),
            GapRecords = await cluster.GapsAsync(Camera),
            Problems = [],
        };
        return result with { Problems = Check(result) };
    }

    private static List<string> Check(StreamRestartResult r)
    {
        var problems = new List<string>();
        if (r.Final.ReconnectCount < 1)
        {
            problems.Add($"the camera reports {r.Final.ReconnectCount} reconnects after the server came back");
        }

        if (r.ErrorWhileDown is { } error && (error.Contains(r.Password, StringComparison.Ordinal) || error.Contains('\n', StringComparison.Ordinal)))
        {
            problems.Add($"the error shown while down is not one redacted line: {error}");
        }

        if (r.Final.RedactedSource.Contains(r.Password, StringComparison.Ordinal) || !r.Final.RedactedSource.Contains(SourceUrl.Mask, StringComparison.Ordinal))
        {
            problems.Add($"the status shows the source as {r.Final.RedactedSource}");
        }

        // The last frames before the kill may still arrive a moment after it; the gap must cover the server's return.
        var back = r.KilledAt + r.Downtime;
        if (r.GapRecords.Count != 1 || r.GapRecords[0].Start > back || r.GapRecords[0].End < back)
        {
            problems.Add($"expected one gap spanning the outage, found {r.GapRecords.Count}: {string.Join(", ", r.GapRecords.Select(g => $"{g.Start:HH:mm:ss.f}-{g.End:HH:mm:ss.f}"))}");
        }

        if (r.Duplicates > 0)
        {
            problems.Add($"{r.Duplicates} duplicate (camera, sequence) lines stored");
        }

        if (r.EventsAfter == 0)
        {
            problems.Add("no label after the server returned");
        }

        return problems;
    }
}
