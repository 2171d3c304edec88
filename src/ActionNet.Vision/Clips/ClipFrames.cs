namespace ActionNet.Vision.Clips;

/// <summary>
/// One clip of <see cref="Length"/> frames at model resolution as uint8, frame-major
/// (T, H, W, C) with channels interleaved: R, G, B for <see cref="FrameKind.Rgb"/>, u, v for
/// <see cref="FrameKind.Flow"/>. This is the form a window travels in; float tensors are only
/// made by the packer right before inference.
/// </summary>
public sealed class ClipFrames
{
    public ClipFrames(FrameKind kind, int length, int height, int width, byte[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentNullException.ThrowIfNull(data);
        Kind = kind;
        Length = length;
        Height = height;
        Width = width;
        if (data.Length < length * FrameBytes)
        {
            throw new ArgumentException($"clip data holds {data.Length} bytes, expected at least {length * FrameBytes} for {length}x{height}x{width}x{Channels}", nameof(data));
        }

        Data = data;
    }

    /// <summary>Colour or flow.</summary>
    public FrameKind Kind { get; }

    /// <summary>Frames in the clip (T).</summary>
    public int Length { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Channels per pixel: 3 for RGB, 2 for flow.</summary>
    public int Channels => ChannelsOf(Kind);

    /// <summary>Bytes in one frame: H * W * C.</summary>
    public int FrameBytes => Height * Width * Channels;

    /// <summary>The pixels, T * H * W * C bytes (the array may be longer when it is pooled).</summary>
    public byte[] Data { get; }

    /// <summary>The bytes of frame <paramref name="t"/>.</summary>
    public Span<byte> Frame(int t) => Data.AsSpan(t * FrameBytes, FrameBytes);

    /// <summary>Channels per pixel for a frame kind.</summary>
    public static int ChannelsOf(FrameKind kind) => kind == FrameKind.Rgb ? 3 : 2;
}
