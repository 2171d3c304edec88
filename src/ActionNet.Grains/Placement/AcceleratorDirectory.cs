using Orleans.Runtime.MembershipService.SiloMetadata;

namespace ActionNet.Grains.Placement;

/// <summary>
/// Which live silos have which accelerator, from membership and silo metadata. Lets a camera tell
/// "no silo can score this profile" (wait for one) from other inference failures.
/// </summary>
public sealed class AcceleratorDirectory(IClusterMembershipService membership, ISiloMetadataCache metadata)
{
    /// <summary>Accelerator labels of the active silos, one per silo ("?" for a silo that publishes none).</summary>
    public IReadOnlyList<string> ActiveLabels() =>
        [.. ActiveSilos().Select(s => LabelOf(s) ?? "?")];

    /// <summary>Whether an active silo may host the inference grain keyed <paramref name="key"/>.</summary>
    public bool HasSiloFor(InferenceGrainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ActiveSilos().Any(s => key.Allows(LabelOf(s)));
    }

    private IEnumerable<SiloAddress> ActiveSilos() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);

    private string? LabelOf(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(AcceleratorMetadata.Key, out var label) ? label : null;
}
