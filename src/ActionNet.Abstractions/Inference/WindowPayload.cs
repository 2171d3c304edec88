namespace ActionNet.Abstractions.Inference;

/// <summary>
/// One window of T frames at model resolution, as it crosses the network to inference: its
/// <see cref="Header"/> (identity and timing) and uint8 pixels, never float (a 32x224x224 RGB window
/// is 4.8 MB as bytes, 19.3 MB as float32). Identified by camera id and sequence number.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.window-payload")]
public sealed record WindowPayload
{
    /// <summary>Camera, sequence number, frame indices and capture times; what the aggregator records.</summary>
    [Id(0)] public WindowHeader Header { get; init; } = new();

    /// <summary>Frame height in pixels at model resolution (H).</summary>
    [Id(1)] public int Height { get; init; }

    /// <summary>Frame width in pixels at model resolution (W).</summary>
    [Id(2)] public int Width { get; init; }

    /// <summary>T*H*W*3 bytes: R,G,B interleaved per pixel, rows top to bottom, frame after frame; null for flow-only models.</summary>
    [Id(3)] public byte[]? Rgb { get; init; }

    /// <summary>T*H*W*2 bytes of encoded optical flow: u,v interleaved per pixel, frame after frame; null for RGB-only models.</summary>
    [Id(4)] public byte[]? Flow { get; init; }
}
