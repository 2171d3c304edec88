namespace ActionNet.Grains.Alerts;

/// <summary>
/// The cluster's alert router (<see cref="AlertRouterGrain"/>), subscribed implicitly to the live-event stream;
/// key: <see cref="AlertRouterGrain.Key"/>. Only the silo talks to it; the API and CLI use the rules grain.
/// </summary>
public interface IAlertRouterGrain : IGrainWithStringKey
{
    /// <summary>Reads the rules again (a rule was added, replaced or removed).</summary>
    Task RulesChangedAsync();

    /// <summary>Activates the router, which resumes the pending deliveries, even while no camera publishes.</summary>
    Task WakeAsync();
}
