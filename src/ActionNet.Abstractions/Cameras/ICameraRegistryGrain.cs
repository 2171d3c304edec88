namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// The cluster's durable list of registered camera ids (one grain, integer key 0). Camera grains add
/// and remove themselves; <c>cameras list</c> reads it; after a restart it is what brings every
/// registered camera back without anyone re-registering it.
/// </summary>
public interface ICameraRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Records <paramref name="cameraId"/> as registered (idempotent).</summary>
    Task AddAsync(string cameraId);

    /// <summary>Forgets <paramref name="cameraId"/> (idempotent).</summary>
    Task RemoveAsync(string cameraId);

    /// <summary>Every registered camera id, in ordinal order.</summary>
    Task<string[]> ListAsync();
}
