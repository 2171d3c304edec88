using System.Collections.Concurrent;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cameras;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// The work on this silo, read by <see cref="SiloReporter"/>: the cameras reading here (with their
/// counters, for demand), windows scored by this silo's models, and windows dropped by reason. Thread-safe.
/// </summary>
public sealed class SiloActivity
{
    private readonly ConcurrentDictionary<string, RunningCamera> cameras = new(StringComparer.Ordinal);
    private readonly DropCounter drops = new();
    private long windowsScored;

    /// <summary>Cameras reading on this silo now.</summary>
    public int ActiveCameras => cameras.Count;

    /// <summary>Windows scored by this silo's models since start.</summary>
    public long WindowsScored => Interlocked.Read(ref windowsScored);

    /// <summary>Windows dropped on this silo since start, by reason.</summary>
    public WindowDrops Drops => drops.Snapshot();

    /// <summary>The cameras reading here, with the windows each has cut so far.</summary>
    public IReadOnlyList<(string CameraId, string Profile, long WindowsCut)> Cameras() =>
        [.. cameras.Select(c => (c.Key, c.Value.Profile, c.Value.Counters.WindowsEmitted))];

    /// <summary>A camera started reading here.</summary>
    public void CameraStarted(string cameraId, string profile, CameraCounters counters) =>
        cameras[cameraId] = new RunningCamera(profile, counters);

    /// <summary>A camera stopped reading here.</summary>
    public void CameraStopped(string cameraId) => cameras.TryRemove(cameraId, out _);

    /// <summary>Windows were scored.</summary>
    public void Scored(int windows) => Interlocked.Add(ref windowsScored, windows);

    /// <summary>A window was dropped.</summary>
    public void Dropped(DropReason reason) => drops.Add(reason);

    private sealed record RunningCamera(string Profile, CameraCounters Counters);
}
