namespace ActionNet.Grains.Cluster;

/// <summary>
/// Who this silo is, for results, status and reports: its display name and its accelerator label
/// (also published as silo metadata for placement).
/// </summary>
/// <param name="Name">The silo's name (ActionNet:SiloName, or the host name and port).</param>
/// <param name="Accelerator">The accelerator label, e.g. "t4", "jetson", "cpu".</param>
public sealed record SiloIdentity(string Name, string Accelerator);
