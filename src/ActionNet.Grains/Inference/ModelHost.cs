using System.Collections.Concurrent;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Telemetry;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Scoring;
using Microsoft.Extensions.Logging;

namespace ActionNet.Grains.Inference;

/// <summary>
/// Owns this silo's ONNX Runtime sessions: one <see cref="ProfileScorer"/> per profile, loaded on first use
/// on a thread-pool thread and shared by every camera on the silo, so their windows batch together.
/// Cameras reach it only through the scorer it hands out; profiles and contracts come from
/// <see cref="ModelCatalog"/>.
/// </summary>
public sealed partial class ModelHost(
    ModelCatalog catalog,
    InferenceSessionFactory sessions,
    SiloActivity activity,
    ActionNetMetrics metrics,
    TimeProvider time,
    ILogger<ModelHost> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ProfileScorer>>> scorers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The scorer of <paramref name="profileName"/>, loading its model on first use; a failed load is retried by the next call.</summary>
    /// <exception cref="ArgumentException">The profile is not configured.</exception>
    /// <exception cref="ModelContractException">The model file is missing or breaks the contract.</exception>
    public Task<ProfileScorer> GetScorerAsync(string profileName)
    {
        var profile = catalog.Profiles.Get(profileName);
        return LoadOnce.GetAsync(scorers, profile.Name, () => Task.Run(() =>
        {
            var model = new ActionModel(profile.Model, profile.Labels, sessions);
            LogLoaded(profile.Name, Path.GetFileName(profile.Model), model.ActiveProvider.ToString());
            return new ProfileScorer(profile, model, activity, metrics, time);
        }));
    }

    /// <summary>The scorers loaded so far (for reports).</summary>
    public IReadOnlyList<ProfileScorer> LoadedScorers() =>
        [.. scorers.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully).Select(s => s.Value.Result)];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var scorer in LoadedScorers())
        {
            await scorer.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "profile {Profile}: loaded {Model} on {Provider}")]
    private partial void LogLoaded(string profile, string model, string provider);
}
