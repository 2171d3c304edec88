using System.Collections.Concurrent;
using ActionNet.Inference.Contracts;
using ActionNet.Grains.Persons;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Inference;

/// <summary>
/// What cameras know about models: the configured action-model profiles and each profile's contract (inputs, T,
/// H, W, labels), read from the ONNX file once per silo, and the person-detector profiles. Loads no session:
/// <see cref="ModelHost"/> does that, for scorers only.
/// </summary>
public sealed class ModelCatalog(IOptions<ModelProfilesOptions> profiles, IOptions<DetectorProfilesOptions> detectors)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ModelContract>>> contracts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured profiles.</summary>
    public ModelProfilesOptions Profiles => profiles.Value;

    /// <summary>The configured person-detector profiles ("hog" among them).</summary>
    public DetectorProfilesOptions Detectors => detectors.Value;

    /// <summary>The contract of <paramref name="profileName"/>'s model, read from the file once (off the caller's thread).</summary>
    /// <exception cref="ArgumentException">The profile is not configured.</exception>
    /// <exception cref="ModelContractException">The model file is missing or breaks the contract.</exception>
    public Task<ModelContract> GetContractAsync(string profileName)
    {
        var profile = Profiles.Get(profileName);
        return LoadOnce.GetAsync(contracts, profile.Name, () => Task.Run(() => ModelContractReader.Read(profile.Model, profile.Labels)));
    }

    /// <summary>Every label of every configured profile's model, each once, in ordinal order.</summary>
    public async Task<string[]> LabelsAsync()
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in Profiles.Profiles.Keys)
        {
            try
            {
                labels.UnionWith((await GetContractAsync(name)).Labels);
            }
            catch (ModelContractException)
            {
                // A profile whose model this silo cannot read gives no labels; its cameras say why in their status.
            }
        }

        return [.. labels];
    }
}
