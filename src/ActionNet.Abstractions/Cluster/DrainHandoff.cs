using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// When a drained silo is really empty: no camera runs on it any more (its report), and every camera that ran
/// there has handed off, that is, scored and recorded a window on another silo, or settled where it could not
/// score anywhere (its source down or failed, disabled, removed, or no accelerator for it). Used by the silo's own
/// drain on SIGTERM and by <c>actionnet cluster drain --wait</c>, so that "drained" means the same to both: a silo
/// that leaves then costs its cameras no window beyond the move itself.
/// </summary>
public static class DrainHandoff
{
    /// <summary>
    /// Marks <paramref name="silo"/> (address, or host name when unique) as draining and returns it with the cameras its
    /// last report listed before the drain began, which must each hand off.
    /// </summary>
    /// <exception cref="ArgumentException">No reporting silo matches, or a host name matches several.</exception>
    public static async Task<SiloDrain> StartAsync(IGrainFactory grains, string silo)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var status = grains.GetGrain<IClusterStatusGrain>(0);
        var before = (await status.GetStatusAsync()).Silos;
        var address = await status.DrainAsync(silo);
        var leaving = before.FirstOrDefault(s => s.Silo == address);
        return new SiloDrain(address, leaving?.Host ?? "", [.. leaving?.Cameras.Select(c => c.CameraId) ?? []]);
    }

    /// <summary>How far <paramref name="drain"/> is: cameras still on the silo, then those that have not handed off.</summary>
    public static async Task<DrainProgress> ProgressAsync(IGrainFactory grains, SiloDrain drain)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(drain);
        var left = (await grains.GetGrain<IClusterStatusGrain>(0).GetStatusAsync()).Silos.FirstOrDefault(s => s.Silo == drain.Silo)?.ActiveCameras ?? 0;
        return new DrainProgress(drain.Silo, left, left == 0 ? await PendingAsync(grains, drain.Host, drain.Cameras) : []);
    }

    /// <summary>The cameras of <paramref name="cameras"/> that have not handed off from the silo named <paramref name="leavingHost"/> yet.</summary>
    public static async Task<string[]> PendingAsync(IGrainFactory grains, string leavingHost, IEnumerable<string> cameras)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(cameras);
        var checks = cameras.Distinct(StringComparer.Ordinal)
            .Select(async camera => (Camera: camera, Status: await grains.GetGrain<ICameraGrain>(camera).GetStatusAsync()));
        var statuses = await Task.WhenAll(checks);
        return [.. statuses.Where(s => !HandedOff(s.Status, leavingHost)).Select(s => s.Camera).Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether a camera with <paramref name="status"/> has left the silo named <paramref name="leavingHost"/> for good.</summary>
    public static bool HandedOff(CameraStatus status, string leavingHost)
    {
        ArgumentNullException.ThrowIfNull(status);
        var elsewhere = !string.Equals(status.Silo, leavingHost, StringComparison.Ordinal);
        return status.State switch
        {
            CameraState.Stopped or CameraState.Disabled or CameraState.Failed => true,
            CameraState.Streaming => elsewhere && status.WindowsScored > 0,
            CameraState.Reconnecting or CameraState.WaitingForAccelerator => elsewhere,
            _ => false,
        };
    }
}
