namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// One camera: reads its source, makes windows and sends them to inference. Key: the camera id
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

    /// <summary>The stored registration, or null when the camera is not registered.</summary>
    Task<CameraRegistration?> GetRegistrationAsync();

    /// <summary>
    /// Activates the camera and, when it is registered and enabled, makes sure it is reading; does
    /// nothing otherwise. Called by <see cref="ICameraRegistryGrain"/> so ingest resumes after restarts.
    /// </summary>
    Task EnsureRunningAsync();
}
