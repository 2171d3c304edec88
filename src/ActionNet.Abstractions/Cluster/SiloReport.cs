namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// One silo's share of the work, sent periodically to <see cref="IClusterStatusGrain"/>. Identified by silo
/// address. (Not named SiloStatus: Orleans.Runtime.SiloStatus is in scope wherever grains are written.)
/// Placement and rebalancing read <see cref="Profiles"/> and <see cref="Cameras"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.silo-report")]
public sealed record SiloReport
{
    /// <summary>The silo's address, e.g. "10.0.0.5:11111@12345".</summary>
    [Id(0)] public string Silo { get; init; } = "";

    /// <summary>The host or pod name.</summary>
    [Id(1)] public string Host { get; init; } = "";

    /// <summary>The accelerator label from silo metadata, e.g. "h100", "t4" or "cpu".</summary>
    [Id(2)] public string Accelerator { get; init; } = "";

    /// <summary>Cameras reading on the silo.</summary>
    [Id(3)] public int ActiveCameras { get; init; }

    /// <summary>Windows scored per second over the last reporting interval.</summary>
    [Id(4)] public double WindowsPerSecond { get; init; }

    /// <summary>Windows dropped on the silo since it started, all reasons.</summary>
    [Id(5)] public long WindowsDropped { get; init; }

    /// <summary>When the silo made the report.</summary>
    [Id(6)] public DateTimeOffset ReportedAt { get; init; }

    /// <summary>Each loaded or configured profile's capacity, demand and utilisation on this silo.</summary>
    [Id(7)] public ProfileLoad[] Profiles { get; init; } = [];

    /// <summary>The cameras reading on this silo, with their demand.</summary>
    [Id(8)] public CameraLoad[] Cameras { get; init; } = [];

    /// <summary>Windows dropped since start, by reason.</summary>
    [Id(9)] public WindowDrops Drops { get; init; } = new();

    /// <summary>Whether the silo is being drained (takes no cameras; its cameras move away).</summary>
    [Id(10)] public bool Draining { get; init; }

    /// <summary>Bytes this silo sent to other silos and clients per window it scored, over the last interval (Orleans' own messaging meter).</summary>
    [Id(11)] public double SentBytesPerWindow { get; init; }

    /// <summary>Windows per second the silo sustains, summed over its profiles.</summary>
    public double Capacity => Profiles.Sum(p => p.Capacity);

    /// <summary>Windows per second the silo's cameras produce.</summary>
    public double Demand => Profiles.Sum(p => p.Demand);

    /// <summary>The busiest profile's utilisation (0..1).</summary>
    public double Utilisation => Profiles.Length == 0 ? 0 : Profiles.Max(p => p.Utilisation);
}
