namespace ActionNet.Grains.Alerts;

/// <summary>
/// One partition's alert router (<see cref="AlertRouterGrain"/>), subscribed implicitly to its partition of the
/// live-event plane; key: <see cref="AlertRouterGrain.KeyOf"/>. Only silos talk to it; the API and CLI use the rules grain.
/// </summary>
public interface IAlertRouterGrain : IGrainWithStringKey
{
    /// <summary>Reads the rules again (a rule was added, replaced or removed).</summary>
    Task RulesChangedAsync();

    /// <summary>Activates the router, which resumes the pending deliveries, even while no camera publishes.</summary>
    Task WakeAsync();
}
