namespace ActionNet.Abstractions.Cameras;

/// <summary>The latest frame a camera decoded, as a small JPEG (at most 320 pixels wide), refreshed at most once a second.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-snapshot")]
public sealed record CameraSnapshot
{
    /// <summary>The JPEG bytes.</summary>
    [Id(0)] public byte[] Jpeg { get; init; } = [];

    /// <summary>When the frame was decoded (UTC).</summary>
    [Id(1)] public DateTimeOffset TakenAt { get; init; }

    /// <summary>Width of the JPEG in pixels.</summary>
    [Id(2)] public int Width { get; init; }

    /// <summary>Height of the JPEG in pixels.</summary>
    [Id(3)] public int Height { get; init; }
}
