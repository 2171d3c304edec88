namespace ActionNet.Abstractions.Cluster;

/// <summary>One camera running on a silo, as reported in <see cref="SiloReport.Cameras"/>; key: camera id.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-load")]
public sealed record CameraLoad
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The model profile scoring it.</summary>
    [Id(1)] public string Profile { get; init; } = "";

    /// <summary>Windows per second the camera produces, measured over the last report interval.</summary>
    [Id(2)] public double Demand { get; init; }
}
