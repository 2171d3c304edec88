using System.Collections.Concurrent;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cameras;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// The work on this silo, read by <see cref="SiloReporter"/> and the ActionNet meter: the cameras reading here
/// (with their counters, for demand), windows scored by this silo's models, and windows dropped by reason; and
/// the silo's frames, windows cut and reconnects since start, cameras that stopped here included. Thread-safe.
/// </summary>
public sealed class SiloActivity
{
    private readonly ConcurrentDictionary<string, RunningCamera> cameras = new(StringComparer.Ordinal);
    private readonly DropCounter drops = new();
    private readonly Lock gate = new();
    private long windowsScored;
    private (long Frames, long Windows, long Reconnects) stopped;

    /// <summary>Cameras reading on this silo now.</summary>
    public int ActiveCameras => cameras.Count;

    /// <summary>Frames decoded on this silo since start.</summary>
    public long FramesReceived => Totals().Frames;

    /// <summary>Windows cut on this silo since start (scored, dropped or in flight).</summary>
    public long WindowsEmitted => Totals().Windows;

    /// <summary>Camera sources reopened on this silo since start.</summary>
    public long Reconnects => Totals().Reconnects;

    /// <summary>Windows scored by this silo's models since start.</summary>
    public long WindowsScored => Interlocked.Read(ref windowsScored);

    /// <summary>Windows dropped on this silo since start, by reason.</summary>
    public WindowDrops Drops => drops.Snapshot();

    /// <summary>The cameras reading here, with the windows each has cut so far.</summary>
    public IReadOnlyList<(string CameraId, string Profile, long WindowsCut)> Cameras() =>
        [.. cameras.Select(c => (c.Key, c.Value.Profile, c.Value.Counters.WindowsEmitted))];

    /// <summary>A camera started reading here.</summary>
    public void CameraStarted(string cameraId, string profile, CameraCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);

        // A grain keeps its counters across restarts of its pipeline: only what this run adds is counted.
        lock (gate)
        {
            Retire(cameraId);
            cameras[cameraId] = new RunningCamera(profile, counters, (counters.FramesReceived, counters.WindowsEmitted, counters.Reconnects));
        }
    }

    /// <summary>A camera stopped reading here; its counts stay in the silo's totals.</summary>
    public void CameraStopped(string cameraId)
    {
        // Under the lock, so a total read meanwhile never misses the camera nor counts it twice.
        lock (gate)
        {
            Retire(cameraId);
        }
    }

    /// <summary>Windows were scored.</summary>
    public void Scored(int windows) => Interlocked.Add(ref windowsScored, windows);

    /// <summary>A window was dropped.</summary>
    public void Dropped(DropReason reason) => drops.Add(reason);

    private void Retire(string cameraId)
    {
        if (cameras.TryRemove(cameraId, out var camera))
        {
            var (frames, windows, reconnects) = camera.Added();
            stopped = (stopped.Frames + frames, stopped.Windows + windows, stopped.Reconnects + reconnects);
        }
    }

    private (long Frames, long Windows, long Reconnects) Totals()
    {
        lock (gate)
        {
            var (frames, windows, reconnects) = stopped;
            foreach (var camera in cameras.Values)
            {
                var added = camera.Added();
                frames += added.Frames;
                windows += added.Windows;
                reconnects += added.Reconnects;
            }

            return (frames, windows, reconnects);
        }
    }

    private sealed record RunningCamera(string Profile, CameraCounters Counters, (long Frames, long Windows, long Reconnects) AtStart)
    {
        public (long Frames, long Windows, long Reconnects) Added() =>
            (Counters.FramesReceived - AtStart.Frames, Counters.WindowsEmitted - AtStart.Windows, Counters.Reconnects - AtStart.Reconnects);
    }
}
