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

    /// <summary>
    /// The tracked person the window is a tube of (a camera in person mode); null for a whole-frame or region
    /// window. Unique within the camera for good: the sequence of the track's first recorded window.
    /// </summary>
    [Id(7)] public string? TrackId { get; init; }

    /// <summary>The person's box at the window's last frame, [x1, y1, x2, y2] in source pixels; null without a track.</summary>
    [Id(8)] public float[]? Box { get; init; }

    /// <summary>
    /// Capture time since which the camera's reader has read its source without a break (it opened or reopened
    /// then). In person mode windows stop when nobody is in view, so only a break here is an outage.
    /// </summary>
    [Id(9)] public DateTimeOffset? ContinuousSince { get; init; }
}
