namespace ActionNet.Vision.Clips;

/// <summary>What a frame holds: colour (3 channels, R, G, B) or encoded optical flow (2 channels, u, v).</summary>
public enum FrameKind
{
    /// <summary>RGB colour, 3 uint8 channels in R, G, B order.</summary>
    Rgb,

    /// <summary>Optical flow encoded as NVIDIA does, 2 uint8 channels u, v (128 = no motion).</summary>
    Flow,
}
