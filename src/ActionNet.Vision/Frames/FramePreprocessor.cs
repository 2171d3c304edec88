using OpenCvSharp;

namespace ActionNet.Vision.Frames;

/// <summary>
/// Turns a decoded frame of any size (OpenCV BGR, BGRA or gray) into the model's RGB uint8
/// H x W x 3 frame: optional region of interest, bilinear resize (<see cref="ResizeMode"/>), then
/// BGR to RGB written straight into the caller's buffer. Pixel buffers are allocated once per
/// input geometry and reused, so a stream of same-sized frames allocates no image memory.
/// Not thread-safe: one instance per decoding thread.
/// </summary>
public sealed class FramePreprocessor : IDisposable
{
    /// <summary>TAO <c>crop_smaller_edge</c> scales the short side to 256 for a 224 crop.</summary>
    private const double CropScale = 256.0 / 224.0;

    private readonly Mat _resized = new();

    /// <summary>Creates a preprocessor for a model input of <paramref name="height"/> x <paramref name="width"/>.</summary>
    public FramePreprocessor(int height, int width, ResizeMode mode = ResizeMode.Stretch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
        Mode = mode;
    }

    /// <summary>Output height in pixels.</summary>
    public int Height { get; }

    /// <summary>Output width in pixels.</summary>
    public int Width { get; }

    /// <summary>How frames are brought to H x W.</summary>
    public ResizeMode Mode { get; }

    /// <summary>Bytes of one output frame: H * W * 3.</summary>
    public int FrameBytes => Height * Width * 3;

    /// <summary>
    /// Writes the RGB model frame for <paramref name="frame"/> (8-bit BGR, BGRA or gray) into
    /// <paramref name="destination"/>. <paramref name="region"/> is clamped to the frame; a region
    /// with nothing left inside the frame is an error.
    /// </summary>
    public unsafe void Process(Mat frame, Span<byte> destination, Rect? region = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty())
        {
            throw new ArgumentException("the frame is empty", nameof(frame));
        }

        if (frame.Depth() != MatType.CV_8U)
        {
            throw new ArgumentException($"frames must be 8-bit; got depth {frame.Depth()}", nameof(frame));
        }

        if (destination.Length < FrameBytes)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, a {Height}x{Width} RGB frame needs {FrameBytes}", nameof(destination));
        }

        var conversion = frame.Channels() switch
        {
            1 => ColorConversionCodes.GRAY2RGB,
            3 => ColorConversionCodes.BGR2RGB,
            4 => ColorConversionCodes.BGRA2RGB,
            _ => throw new ArgumentException($"frames must have 1, 3 or 4 channels, got {frame.Channels()}", nameof(frame)),
        };

        // Resizing is per channel, so swapping channels after the resize gives the same pixels as
        // before it while touching only H x W pixels; cvtColor writes straight into the caller's span.
        using var fitted = Fit(frame, region);
        fixed (byte* target = destination)
        {
            using var output = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, (IntPtr)target);
            Cv2.CvtColor(fitted, output, conversion);
        }
    }

    /// <summary>
    /// Applies only the geometry of <see cref="Process(Mat, Span{byte}, Rect?)"/> (region, resize,
    /// crop) to an 8-bit image of any channel count, without colour conversion: used for the
    /// grayscale u and v flow images of a dataset. <paramref name="destination"/> is (re)created as H x W.
    /// </summary>
    public void Resize(Mat image, Mat destination, Rect? region = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        if (image.Empty())
        {
            throw new ArgumentException("the image is empty", nameof(image));
        }

        using var fitted = Fit(image, region);
        fitted.CopyTo(destination);
    }

    /// <summary>
    /// Same as <see cref="Process(Mat, Span{byte}, Rect?)"/> for a raw BGR frame of
    /// <paramref name="frameHeight"/> x <paramref name="frameWidth"/> (e.g. read from an ffmpeg pipe).
    /// </summary>
    public unsafe void ProcessBgr(ReadOnlySpan<byte> bgr, int frameHeight, int frameWidth, Span<byte> destination, Rect? region = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        if (bgr.Length < frameHeight * frameWidth * 3)
        {
            throw new ArgumentException($"a {frameHeight}x{frameWidth} BGR frame needs {frameHeight * frameWidth * 3} bytes, got {bgr.Length}", nameof(bgr));
        }

        fixed (byte* source = bgr)
        {
            using var frame = Mat.FromPixelData(frameHeight, frameWidth, MatType.CV_8UC3, (IntPtr)source);
            Process(frame, destination, region);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _resized.Dispose();

    private static Rect ClampRegion(Rect? region, int frameWidth, int frameHeight)
    {
        var whole = new Rect(0, 0, frameWidth, frameHeight);
        if (region is not { } requested)
        {
            return whole;
        }

        var clamped = requested.Intersect(whole);
        if (clamped.Width <= 0 || clamped.Height <= 0)
        {
            throw new ArgumentException(
                $"region ({requested.X},{requested.Y}) {requested.Width}x{requested.Height} has no pixels inside the {frameWidth}x{frameHeight} frame",
                nameof(region));
        }

        return clamped;
    }

    /// <summary>Region, resize and crop into the reused buffer; returns a header over the result for the caller to dispose.</summary>
    private Mat Fit(Mat frame, Rect? region)
    {
        var area = ClampRegion(region, frame.Width, frame.Height);
        if (area.Width == frame.Width && area.Height == frame.Height)
        {
            ResizeInto(frame);
        }
        else
        {
            using var roi = new Mat(frame, area);
            ResizeInto(roi);
        }

        var crop = new Rect((_resized.Width - Width) / 2, (_resized.Height - Height) / 2, Width, Height);
        return new Mat(_resized, crop);
    }

    private void ResizeInto(Mat source)
    {
        var size = Mode == ResizeMode.Stretch ? new Size(Width, Height) : CropResizeSize(source.Width, source.Height);
        Cv2.Resize(source, _resized, size, 0, 0, InterpolationFlags.Linear);
    }

    private Size CropResizeSize(int sourceWidth, int sourceHeight)
    {
        // Short side to 256/224 of the model's short side; never smaller than the crop itself.
        double shortTarget = Math.Round(Math.Min(Height, Width) * CropScale);
        double scale = Math.Max(shortTarget / Math.Min(sourceWidth, sourceHeight), Math.Max(Width / (double)sourceWidth, Height / (double)sourceHeight));
        return new Size(
            Math.Max(Width, (int)Math.Round(sourceWidth * scale)),
            Math.Max(Height, (int)Math.Round(sourceHeight * scale)));
    }
}
