using System.Collections.Concurrent;
using ActionNet.Grains.Cluster;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Inference;

/// <summary>
/// The silo's models: one <see cref="ProfileScorer"/> (one ONNX Runtime session) per profile, loaded
/// on first use on a thread-pool thread and shared by every inference activation on the silo; and
/// each profile's contract, read once, for the cameras that cut windows to its shape.
/// </summary>
public sealed partial class ModelHost(
    IOptions<ModelProfilesOptions> profiles,
    InferenceSessionFactory sessions,
    SiloActivity activity,
    ILogger<ModelHost> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ProfileScorer>>> scorers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<ModelContract>>> contracts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured profiles.</summary>
    public ModelProfilesOptions Profiles => profiles.Value;

    /// <summary>The scorer of <paramref name="profileName"/>, loading its model on first use; a failed load is retried by the next call.</summary>
    /// <exception cref="ArgumentException">The profile is not configured.</exception>
    /// <exception cref="ModelContractException">The model file is missing or breaks the contract.</exception>
    public Task<ProfileScorer> GetScorerAsync(string profileName)
    {
        var profile = Profiles.Get(profileName);
        return Once(scorers, profile.Name, () => Task.Run(() =>
        {
            var model = new ActionModel(profile.Model, profile.Labels, sessions);
            LogLoaded(profile.Name, Path.GetFileName(profile.Model), model.ActiveProvider.ToString());
            return new ProfileScorer(profile, model, activity.Scored);
        }));
    }

    /// <summary>The contract of <paramref name="profileName"/>'s model, read from the file once (off the caller's thread).</summary>
    /// <exception cref="ArgumentException">The profile is not configured.</exception>
    /// <exception cref="ModelContractException">The model file is missing or breaks the contract.</exception>
    public Task<ModelContract> GetContractAsync(string profileName)
    {
        var profile = Profiles.Get(profileName);
        return Once(contracts, profile.Name, () => Task.Run(() => ModelContractReader.Read(profile.Model, profile.Labels)));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var scorer in scorers.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            await scorer.Value.Result.DisposeAsync();
        }
    }

    private static async Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string key, Func<Task<T>> load)
    {
        var entry = cache.GetOrAdd(key, _ => new Lazy<Task<T>>(load));
        try
        {
            return await entry.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, entry));
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "profile {Profile}: loaded {Model} on {Provider}")]
    private partial void LogLoaded(string profile, string model, string provider);
}
