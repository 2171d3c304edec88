using ActionNet.Abstractions.Inference;
using Orleans.Concurrency;

namespace ActionNet.Grains.Inference;

/// <summary>The model profiles' labels for clients (<see cref="IModelCatalogGrain"/>): a stateless worker that asks this silo's <see cref="ModelCatalog"/>.</summary>
[StatelessWorker]
public sealed class ModelCatalogGrain(ModelCatalog catalog) : Grain, IModelCatalogGrain
{
    /// <inheritdoc/>
    public Task<string[]> LabelsAsync() => catalog.LabelsAsync();
}
