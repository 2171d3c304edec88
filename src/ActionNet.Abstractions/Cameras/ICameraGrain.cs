namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// One camera's lifecycle: its registration, and the pipeline that reads its source, cuts windows and scores them on the silo it runs on. Key: the camera id
/// (see <see cref="CameraIds"/>).
/// </summary>
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>Registers or replaces the camera's settings and starts (or stops, when disabled) reading.</summary>
    Task RegisterAsync(CameraRegistration registration);

    /// <summary>Stops reading and forgets the registration; stored history stays.</summary>
    Task RemoveAsync();

    /// <summary>The camera's current status.</summary>
    Task<CameraStatus> GetStatusAsync();

    /// <summary>
    /// Starts (enabled) or stops (disabled) a registered camera without changing anything else of its
    /// registration. Returns false when the camera is not registered.
    /// </summary>
    Task<bool> SetEnabledAsync(bool enabled);

    /// <summary>The latest frame the camera decoded as a small JPEG, or null when it is not reading or has no frame yet.</summary>
    Task<CameraSnapshot?> GetSnapshotAsync();

    /// <summary>The stored registration, or null when the camera is not registered.</summary>
    Task<CameraRegistration?> GetRegistrationAsync();

    /// <summary>
    /// Activates the camera and, when it is registered and enabled, makes sure it is reading; does
    /// nothing otherwise. Called by <see cref="ICameraRegistryGrain"/> so ingest resumes after restarts.
    /// </summary>
    Task EnsureRunningAsync();

    /// <summary>
    /// Stops reading here and moves the camera to the silo at address <paramref name="silo"/> (or, when null,
    /// wherever placement now picks), where it resumes reading. Called by the rebalancer; a camera that is not
    /// running, or already there, does nothing. Returns whether a move started.
    /// </summary>
    Task<bool> MoveAsync(string? silo);
}
