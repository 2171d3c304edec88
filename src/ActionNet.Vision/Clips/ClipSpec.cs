namespace ActionNet.Vision.Clips;

/// <summary>
/// The shape of the clips a model wants: T frames of H x W pixels, and which inputs it takes
/// (RGB, optical flow, or both for a joint model). Read T, H and W from the model's input shape.
/// </summary>
/// <param name="Length">Frames per clip (T).</param>
/// <param name="Height">Model input height in pixels.</param>
/// <param name="Width">Model input width in pixels.</param>
/// <param name="NeedsRgb">Whether the model has an RGB input (<c>input_rgb</c>).</param>
/// <param name="NeedsFlow">Whether the model has an optical-flow input (<c>input_of</c>).</param>
public sealed record ClipSpec(int Length, int Height, int Width, bool NeedsRgb, bool NeedsFlow)
{
    /// <summary>Throws when a dimension is not positive or the spec asks for neither input.</summary>
    public void Validate()
    {
        if (Length < 1 || Height < 1 || Width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Length), $"clip shape {Length}x{Height}x{Width} (T x H x W) must be positive in every dimension");
        }

        if (!NeedsRgb && !NeedsFlow)
        {
            throw new ArgumentException("a clip spec must ask for RGB frames, optical flow, or both");
        }
    }

    /// <summary>Bytes in one RGB frame at model resolution: H * W * 3.</summary>
    public int RgbFrameBytes => Height * Width * 3;

    /// <summary>Bytes in one encoded flow frame at model resolution: H * W * 2.</summary>
    public int FlowFrameBytes => Height * Width * 2;
}
