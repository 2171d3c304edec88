namespace ActionNet.Abstractions.Inference;

/// <summary>
/// What the silos' model profiles can say: a stateless worker on every silo (key: any, callers use 0), so a client can
/// refuse a label no model gives (an alert rule, a live-event filter) before it waits for one that never comes.
/// </summary>
public interface IModelCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every label of every configured profile's model, each once, in ordinal order.</summary>
    Task<string[]> LabelsAsync();
}
