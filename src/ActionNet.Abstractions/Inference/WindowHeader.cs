namespace ActionNet.Abstractions.Inference;

/// <summary>
/// A window's identity and timing, without its pixels: what a <see cref="WindowPayload"/> carries besides
/// them, and what the aggregator records. Identified by camera id and sequence number.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.window-header")]
public sealed record WindowHeader
{
    /// <summary>The camera the frames came from.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The window's number within its camera, increasing by 1 per emitted window.</summary>
    [Id(1)] public long Sequence { get; init; }

    /// <summary>Index, in source frames since the stream opened, of the window's first frame.</summary>
    [Id(2)] public long FirstFrameIndex { get; init; }

    /// <summary>Index, in source frames since the stream opened, of the window's last frame.</summary>
    [Id(3)] public long LastFrameIndex { get; init; }

    /// <summary>Capture time of the first frame.</summary>
    [Id(4)] public DateTimeOffset FirstFrameAt { get; init; }

    /// <summary>Capture time of the last frame.</summary>
    [Id(5)] public DateTimeOffset LastFrameAt { get; init; }

    /// <summary>Frames in the window (T).</summary>
    [Id(6)] public int Frames { get; init; }
}
