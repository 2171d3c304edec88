using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;
using Orleans.Storage;

namespace ActionNet.Grains.Placement;

/// <summary>
/// Places a camera grain, and so its whole pipeline (decode, windows, scoring), on a silo whose accelerator
/// the camera's profile allows: the silo the rebalancer asked for (a placement hint), or else the one the
/// cluster's ledger (<see cref="IClusterStatusGrain.PlaceCameraAsync"/>) finds with the most spare capacity.
/// The profile is read from the camera's stored registration. A camera no allowed silo can take is placed
/// where it was called from and waits there for an accelerator.
/// </summary>
public sealed partial class CameraPlacementDirector(
    IServiceProvider services,
    ModelCatalog catalog,
    AcceleratorDirectory accelerators,
    IGrainFactory grains,
    ILogger<CameraPlacementDirector> logger) : IPlacementDirector
{
    /// <inheritdoc/>
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var compatible = context.GetCompatibleSilos(target);
        var profile = await ProfileOfAsync(target.GrainIdentity);
        var allowed = profile is null ? compatible : [.. compatible.Where(s => AcceleratorRules.Allows(accelerators.LabelOf(s), profile.Accelerators))];
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, allowed) is { } hinted)
        {
            return hinted;
        }

        if (profile is null || allowed.Length == 0)
        {
            return compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[Random.Shared.Next(compatible.Length)];
        }

        var camera = target.GrainIdentity.Key.ToString() ?? "";
        try
        {
            var chosen = await grains.GetGrain<IClusterStatusGrain>(0).PlaceCameraAsync(camera, profile.Name, [.. allowed.Select(s => s.ToParsableString())]);
            if (allowed.FirstOrDefault(s => s.ToParsableString() == chosen) is { } silo)
            {
                return silo;
            }
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException)
        {
            LogLedgerUnavailable(camera, e.Message);
        }

        return allowed[Random.Shared.Next(allowed.Length)];
    }

    private async Task<ModelProfile?> ProfileOfAsync(GrainId camera)
    {
        try
        {
            var storage = services.GetRequiredKeyedService<IGrainStorage>(CameraGrain.StorageName);
            var state = new GrainState<CameraRegistration>();
            await storage.ReadStateAsync(CameraGrain.RegistrationState, camera, state);
            return state is { RecordExists: true, State: { } registration } && catalog.Profiles.Profiles.TryGetValue(registration.ModelProfile, out var profile) ? profile : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage away: place it anyway; the camera itself checks its accelerator when it starts.
            LogRegistrationUnreadable(camera.Key.ToString() ?? "", e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: placement ledger not reachable, placing on a random allowed silo: {Reason}")]
    private partial void LogLedgerUnavailable(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: registration not readable for placement: {Reason}")]
    private partial void LogRegistrationUnreadable(string camera, string reason);
}
