using OpenCvSharp;

namespace ActionNet.Vision.Frames;

/// <summary>
/// The model frame a decoder should deliver instead of a full-size frame: <see cref="Height"/> x
/// <see cref="Width"/> pixels (the model contract's H and W), made from <see cref="Region"/> (or the whole
/// frame) by <see cref="Mode"/>, the same geometry <see cref="FramePreprocessor"/> applies in process.
/// </summary>
/// <param name="Height">Model input height in pixels.</param>
/// <param name="Width">Model input width in pixels.</param>
/// <param name="Mode">Stretch to H x W, or TAO's centre crop.</param>
/// <param name="Region">
/// Region of interest in the coordinates of the frame the source would deliver at full size (the stream's
/// size, capped by the source's size limits); clamped to that frame. Null: the whole frame.
/// </param>
public sealed record ModelFrameShape(int Height, int Width, ResizeMode Mode = ResizeMode.Stretch, Rect? Region = null)
{
    /// <summary>TAO <c>crop_smaller_edge</c> scales the short side to 256 for a 224 crop.</summary>
    private const double CropScale = 256.0 / 224.0;

    /// <summary>Bytes of one RGB model frame: H * W * 3.</summary>
    public int RgbBytes => checked(Height * Width * 3);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the field when the shape cannot be produced.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Width);
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "resize mode must be Stretch or CenterCrop");
        }
    }

    /// <summary>
    /// <see cref="Region"/> clamped to a <paramref name="frameWidth"/> x <paramref name="frameHeight"/> frame
    /// (the whole frame when null); a region with no pixels inside the frame is a <see cref="RegionOutsideFrameException"/>.
    /// </summary>
    public Rect RegionIn(int frameWidth, int frameHeight) => Clamp(Region, frameWidth, frameHeight);

    /// <summary>
    /// The size an area of <paramref name="areaWidth"/> x <paramref name="areaHeight"/> is resized to before
    /// the centred H x W crop is taken: H x W itself for <see cref="ResizeMode.Stretch"/>; for
    /// <see cref="ResizeMode.CenterCrop"/> the short side at 256/224 of the model's short side, never smaller than the crop.
    /// </summary>
    public Size ResizedSize(int areaWidth, int areaHeight)
    {
        if (Mode == ResizeMode.Stretch)
        {
            return new Size(Width, Height);
        }

        double shortTarget = Math.Round(Math.Min(Height, Width) * CropScale);
        double scale = Math.Max(shortTarget / Math.Min(areaWidth, areaHeight), Math.Max(Width / (double)areaWidth, Height / (double)areaHeight));
        return new Size(
            Math.Max(Width, (int)Math.Round(areaWidth * scale)),
            Math.Max(Height, (int)Math.Round(areaHeight * scale)));
    }

    /// <summary>The centred H x W crop inside a resized area of <paramref name="resized"/> (see <see cref="ResizedSize"/>).</summary>
    public Rect CropIn(Size resized) => new((resized.Width - Width) / 2, (resized.Height - Height) / 2, Width, Height);

    /// <summary><paramref name="region"/> clamped to a <paramref name="frameWidth"/> x <paramref name="frameHeight"/> frame; the whole frame when null.</summary>
    internal static Rect Clamp(Rect? region, int frameWidth, int frameHeight)
    {
        var whole = new Rect(0, 0, frameWidth, frameHeight);
        if (region is not { } requested)
        {
            return whole;
        }

        var clamped = requested.Intersect(whole);
        if (clamped.Width <= 0 || clamped.Height <= 0)
        {
            throw new RegionOutsideFrameException(
                $"region ({requested.X},{requested.Y}) {requested.Width}x{requested.Height} does not fit the {frameWidth}x{frameHeight} frame: expected x + width <= {frameWidth} and y + height <= {frameHeight}");
        }

        return clamped;
    }
}
