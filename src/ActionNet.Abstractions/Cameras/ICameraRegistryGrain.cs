namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// The persisted set of registered camera ids, so registrations survive silo restarts: it lists them
/// for <c>actionnet cameras list</c> and periodically wakes every registered camera, which resumes
/// reading by itself. One per cluster; key: <see cref="Key"/>.
/// </summary>
public interface ICameraRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The registry's only key.</summary>
    public const long Key = 0;

    /// <summary>Adds a camera id; done by <see cref="ICameraGrain.RegisterAsync"/>.</summary>
    Task AddAsync(string cameraId);

    /// <summary>Removes a camera id; done by <see cref="ICameraGrain.RemoveAsync"/>.</summary>
    Task RemoveAsync(string cameraId);

    /// <summary>Every registered camera id, in ordinal order.</summary>
    Task<string[]> ListAsync();

    /// <summary>Calls <see cref="ICameraGrain.EnsureRunningAsync"/> on every registered camera without waiting for them.</summary>
    Task WakeAllAsync();
}
