using Orleans.Runtime.MembershipService.SiloMetadata;

namespace ActionNet.Grains.Placement;

/// <summary>
/// Which live silos have which accelerator, from membership and silo metadata: where a camera of a profile
/// may run, and "no silo can score this profile" (wait for one) for its status.
/// </summary>
public sealed class AcceleratorDirectory(IClusterMembershipService membership, ISiloMetadataCache metadata)
{
    /// <summary>The membership version, which changes when a silo joins, leaves or dies.</summary>
    public long MembershipVersion => membership.CurrentSnapshot.Version.Value;

    /// <summary>Accelerator labels of the active silos, one per silo ("?" for a silo that publishes none).</summary>
    public IReadOnlyList<string> ActiveLabels() =>
        [.. ActiveSilos().Select(s => LabelOf(s) ?? "?")];

    /// <summary>The active silos whose accelerator <paramref name="allowed"/> allows.</summary>
    public IReadOnlyList<SiloAddress> SilosFor(IReadOnlyList<string> allowed) =>
        [.. ActiveSilos().Where(s => AcceleratorRules.Allows(LabelOf(s), allowed))];

    /// <summary>Whether an active silo may run a profile that allows <paramref name="allowed"/>.</summary>
    public bool HasSiloFor(IReadOnlyList<string> allowed) => SilosFor(allowed).Count > 0;

    /// <summary>The active silos.</summary>
    public IEnumerable<SiloAddress> ActiveSilos() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);

    /// <summary>The accelerator label <paramref name="silo"/> publishes, or null.</summary>
    public string? LabelOf(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(AcceleratorMetadata.Key, out var label) ? label : null;
}
