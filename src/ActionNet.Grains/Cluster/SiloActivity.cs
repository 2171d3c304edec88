namespace ActionNet.Grains.Cluster;

/// <summary>
/// Counters of the work done on this silo, read by <see cref="SiloReporter"/>. Thread-safe.
/// </summary>
public sealed class SiloActivity
{
    private int activeCameras;
    private long windowsScored;
    private long windowsDropped;

    /// <summary>Cameras reading on this silo now.</summary>
    public int ActiveCameras => Volatile.Read(ref activeCameras);

    /// <summary>Windows scored by this silo's models since start.</summary>
    public long WindowsScored => Interlocked.Read(ref windowsScored);

    /// <summary>Windows dropped by this silo's cameras since start.</summary>
    public long WindowsDropped => Interlocked.Read(ref windowsDropped);

    /// <summary>A camera started reading.</summary>
    public void CameraStarted() => Interlocked.Increment(ref activeCameras);

    /// <summary>A camera stopped reading.</summary>
    public void CameraStopped() => Interlocked.Decrement(ref activeCameras);

    /// <summary>Windows were scored.</summary>
    public void Scored(int windows) => Interlocked.Add(ref windowsScored, windows);

    /// <summary>A window was dropped.</summary>
    public void Dropped() => Interlocked.Increment(ref windowsDropped);
}
