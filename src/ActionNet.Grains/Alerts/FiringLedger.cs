using ActionNet.Storage.Alerts;

namespace ActionNet.Grains.Alerts;

/// <summary>The latest firing of each rule on each camera, as the <see cref="AlertEvaluator"/> decided or restored it. Not thread-safe.</summary>
internal sealed class FiringLedger
{
    private readonly Dictionary<string, Dictionary<string, AlertFiringState>> byCamera = new(StringComparer.Ordinal);

    /// <summary>Every firing that has started and not ended.</summary>
    public IEnumerable<AlertFiringState> Open => byCamera.Values.SelectMany(f => f.Values).Where(s => s.Open);

    /// <summary>The latest firing of every rule on <paramref name="camera"/>.</summary>
    public IEnumerable<AlertFiringState> Of(string camera) =>
        byCamera.TryGetValue(camera, out var byRule) ? byRule.Values : [];

    /// <summary>The latest firing of <paramref name="rule"/> on <paramref name="camera"/>, or null.</summary>
    public AlertFiringState? Get(string camera, string rule) =>
        byCamera.TryGetValue(camera, out var byRule) && byRule.TryGetValue(rule, out var state) ? state : null;

    /// <summary>Records <paramref name="state"/> as the latest firing of its rule on its camera.</summary>
    public void Set(AlertFiringState state)
    {
        if (!byCamera.TryGetValue(state.CameraId, out var byRule))
        {
            byRule = new Dictionary<string, AlertFiringState>(StringComparer.Ordinal);
            byCamera[state.CameraId] = byRule;
        }

        byRule[state.RuleId] = state;
    }
}
