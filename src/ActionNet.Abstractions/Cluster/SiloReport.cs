namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// One silo's share of the work, sent periodically to <see cref="IClusterStatusGrain"/>. Identified by silo
/// address. (Not named SiloStatus: Orleans.Runtime.SiloStatus is in scope wherever grains are written.)
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

    /// <summary>Camera grains active on the silo.</summary>
    [Id(3)] public int ActiveCameras { get; init; }

    /// <summary>Windows scored per second over the last reporting interval.</summary>
    [Id(4)] public double WindowsPerSecond { get; init; }

    /// <summary>Windows dropped on the silo since it started.</summary>
    [Id(5)] public long WindowsDropped { get; init; }

    /// <summary>When the silo made the report.</summary>
    [Id(6)] public DateTimeOffset ReportedAt { get; init; }
}
