using OpenCvSharp;

namespace ActionNet.Vision.Frames;

/// <summary>
/// Turns a decoded frame of any size (OpenCV BGR, BGRA or gray) into the model's RGB uint8
/// H x W x 3 frame: optional region of interest, bilinear resize (<see cref="ResizeMode"/>), then
/// BGR to RGB written straight into the caller's buffer. Pixel buffers are allocated once per
/// input geometry and reused, so a stream of same-sized frames allocates no image memory.
/// A frame that is already the model frame (a source asked for <see cref="ModelFrameShape"/> frames)
/// takes <see cref="ProcessModelFrame"/>: a copy, nothing else.
/// Not thread-safe: one instance per decoding thread.
/// </summary>
public sealed class FramePreprocessor : IDisposable
{
    private readonly Mat _resized = new();
    private readonly ModelFrameShape _shape;

    /// <summary>Creates a preprocessor for a model input of <paramref name="height"/> x <paramref name="width"/>.</summary>
    public FramePreprocessor(int height, int width, ResizeMode mode = ResizeMode.Stretch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
        Mode = mode;
        _shape = new ModelFrameShape(height, width, mode);
        _shape.Validate();
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
    /// The fast path for a frame that is already the model frame: H x W, 8-bit, RGB order, region and crop
    /// applied, as an <see cref="Sources.FfmpegFrameSource"/> with <see cref="Sources.FfmpegSourceOptions.ModelFrame"/>
    /// delivers it. Only copies it into <paramref name="destination"/>: no resize and no colour conversion.
    /// </summary>
    public unsafe void ProcessModelFrame(Mat rgb, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Width != Width || rgb.Height != Height || rgb.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"a model frame must be {Height}x{Width} 8-bit RGB; got {rgb.Height}x{rgb.Width} of type {rgb.Type()}", nameof(rgb));
        }

        if (destination.Length < FrameBytes)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, a {Height}x{Width} RGB frame needs {FrameBytes}", nameof(destination));
        }

        fixed (byte* target = destination)
        {
            using var output = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, (IntPtr)target);
            rgb.CopyTo(output);
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

    /// <summary>Region, resize and crop into the reused buffer; returns a header over the result for the caller to dispose.</summary>
    private Mat Fit(Mat frame, Rect? region)
    {
        var area = ModelFrameShape.Clamp(region, frame.Width, frame.Height);
        if (area.Width == frame.Width && area.Height == frame.Height)
        {
            ResizeInto(frame);
        }
        else
        {
            using var roi = new Mat(frame, area);
            ResizeInto(roi);
        }

        return new Mat(_resized, _shape.CropIn(_resized.Size()));
    }

    private void ResizeInto(Mat source) =>
        Cv2.Resize(source, _resized, _shape.ResizedSize(source.Width, source.Height), 0, 0, InterpolationFlags.Linear);
}
