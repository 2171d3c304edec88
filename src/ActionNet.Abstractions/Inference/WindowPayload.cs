namespace ActionNet.Abstractions.Inference;

/// <summary>
/// One window of T frames at model resolution, as it crosses the network to inference: uint8 pixels,
/// never float (a 32x224x224 RGB window is 4.8 MB as bytes, 19.3 MB as float32).
/// Identified by camera id and sequence number.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.window-payload")]
public sealed record WindowPayload
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

    /// <summary>Frame height in pixels at model resolution (H).</summary>
    [Id(7)] public int Height { get; init; }

    /// <summary>Frame width in pixels at model resolution (W).</summary>
    [Id(8)] public int Width { get; init; }

    /// <summary>T*H*W*3 bytes: R,G,B interleaved per pixel, rows top to bottom, frame after frame; null for flow-only models.</summary>
    [Id(9)] public byte[]? Rgb { get; init; }

    /// <summary>T*H*W*2 bytes of encoded optical flow: u,v interleaved per pixel, frame after frame; null for RGB-only models.</summary>
    [Id(10)] public byte[]? Flow { get; init; }

    /// <summary>The window's identity and timing without its pixels, as the aggregator records it.</summary>
    public WindowHeader ToHeader() => new()
    {
        CameraId = CameraId,
        Sequence = Sequence,
        FirstFrameIndex = FirstFrameIndex,
        LastFrameIndex = LastFrameIndex,
        FirstFrameAt = FirstFrameAt,
        LastFrameAt = LastFrameAt,
        Frames = Frames,
    };
}
