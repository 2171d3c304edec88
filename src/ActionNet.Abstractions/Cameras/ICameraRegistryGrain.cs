namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// The one owner of "keep registered cameras running": the persisted set of registered camera ids (so
/// registrations survive silo restarts, and <c>actionnet cameras list</c> reads them), which it keeps
/// running and balanced. Every few seconds, and whenever a silo rings it (start-up, membership change),
/// it wakes the registered cameras (each resumes on a silo placement picks) and moves cameras, at a
/// bounded rate, off draining silos and from silos above their capacity-weighted share to those below.
/// One per cluster; key: <see cref="Key"/>.
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

    /// <summary>
    /// Wakes every registered camera (<see cref="ICameraGrain.EnsureRunningAsync"/>, not awaited) and runs one
    /// rebalancing round.
    /// </summary>
    Task ReconcileAsync();
}
