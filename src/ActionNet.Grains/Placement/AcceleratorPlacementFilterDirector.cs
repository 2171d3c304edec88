using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace ActionNet.Grains.Placement;

/// <summary>
/// Filters placement candidates to the silos whose accelerator metadata (read through
/// <see cref="ISiloMetadataCache"/>) the grain's <see cref="InferenceGrainKey"/> allows. When none is
/// left Orleans fails the call at once; the camera then waits for a suitable silo to join.
/// A grain whose key is not an <see cref="InferenceGrainKey"/> is not filtered.
/// </summary>
public sealed class AcceleratorPlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    /// <inheritdoc/>
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        return Filter(target.GrainIdentity.Key.ToString(), silos, LabelOf);
    }

    /// <summary>The silos of <paramref name="silos"/> that may host the grain keyed <paramref name="grainKey"/>.</summary>
    /// <param name="grainKey">The grain's key text.</param>
    /// <param name="silos">Candidates.</param>
    /// <param name="labelOf">A silo's accelerator label, or null when it publishes none.</param>
    public static IEnumerable<SiloAddress> Filter(string grainKey, IEnumerable<SiloAddress> silos, Func<SiloAddress, string?> labelOf)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentNullException.ThrowIfNull(labelOf);
        if (!InferenceGrainKey.TryParse(grainKey, out var key))
        {
            return silos;
        }

        return silos.Where(silo => key!.Allows(labelOf(silo))).ToArray();
    }

    private string? LabelOf(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(AcceleratorMetadata.Key, out var label) ? label : null;
}
