using ActionNet.Storage.Alerts;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// The latest firing of each rule on each labelled stream (a camera, or one tracked person of a camera), as the
/// <see cref="AlertEvaluator"/> decided or restored it. Not thread-safe.
/// </summary>
internal sealed class FiringLedger
{
    private readonly Dictionary<string, Dictionary<string, AlertFiringState>> byStream = new(StringComparer.Ordinal);

    /// <summary>Every firing that has started and not ended.</summary>
    public IEnumerable<AlertFiringState> Open => byStream.Values.SelectMany(f => f.Values).Where(s => s.Open);

    /// <summary>The latest firing of every rule on stream <paramref name="stream"/> (<see cref="LabelStreams.Key"/>).</summary>
    public IEnumerable<AlertFiringState> Of(string stream) =>
        byStream.TryGetValue(stream, out var byRule) ? byRule.Values : [];

    /// <summary>The latest firing of <paramref name="rule"/> on stream <paramref name="stream"/>, or null.</summary>
    public AlertFiringState? Get(string stream, string rule) =>
        byStream.TryGetValue(stream, out var byRule) && byRule.TryGetValue(rule, out var state) ? state : null;

    /// <summary>Records <paramref name="state"/> as the latest firing of its rule on its stream.</summary>
    public void Set(AlertFiringState state)
    {
        var key = LabelStreams.Key(state.CameraId, state.TrackId);
        if (!byStream.TryGetValue(key, out var byRule))
        {
            byRule = new Dictionary<string, AlertFiringState>(StringComparer.Ordinal);
            byStream[key] = byRule;
        }

        byRule[state.RuleId] = state;
    }

    /// <summary>Forgets the firings of <paramref name="stream"/> (a track that left, none of them open).</summary>
    public void Forget(string stream) => byStream.Remove(stream);
}
