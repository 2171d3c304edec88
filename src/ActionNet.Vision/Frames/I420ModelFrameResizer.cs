using OpenCvSharp;

namespace ActionNet.Vision.Frames;

/// <summary>
/// Turns a full-size planar YUV 4:2:0 frame (I420, as ffmpeg decodes H.264) into the RGB model frame that
/// OpenCV's decode to BGR followed by <see cref="FramePreprocessor.Process(Mat, Span{byte}, Rect?)"/> gives
/// for the same frame, while touching only model-sized pixels: luma is resized by OpenCV bilinear exactly as
/// the BGR frame would be; chroma is sampled where that resize samples ffmpeg's nearest-upsampled chroma
/// (precomputed maps), and the three planes are converted to RGB in one BT.601 limited-range transform.
/// The region of interest and centre crop are applied on the way. Buffers and maps are made once.
/// Not thread-safe: one instance per stream.
/// </summary>
public sealed class I420ModelFrameResizer
{
    private readonly ModelFrameShape _shape;
    private readonly Rect _region;
    private readonly Size _resized;
    private readonly Rect _crop;
    private readonly float[] _mapX;
    private readonly float[] _mapY;
    private readonly byte[] _luma;
    private readonly byte[] _u;
    private readonly byte[] _v;
    private readonly byte[] _yuv;

    /// <summary>
    /// Creates a resizer for frames of <paramref name="frameWidth"/> x <paramref name="frameHeight"/> whose
    /// planes are laid out with <paramref name="strideWidth"/> x <paramref name="strideHeight"/> pixels
    /// (the frame rounded up to even sizes, padding right and bottom).
    /// </summary>
    public I420ModelFrameResizer(ModelFrameShape shape, int frameWidth, int frameHeight, int strideWidth, int strideHeight)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameHeight);
        if (strideWidth % 2 != 0 || strideHeight % 2 != 0 || strideWidth < frameWidth || strideHeight < frameHeight)
        {
            throw new ArgumentException($"I420 planes of {strideWidth}x{strideHeight} cannot hold a {frameWidth}x{frameHeight} frame: expected even sizes at least as large");
        }

        _shape = shape;
        StrideWidth = strideWidth;
        StrideHeight = strideHeight;
        _region = shape.RegionIn(frameWidth, frameHeight);
        _resized = shape.ResizedSize(_region.Width, _region.Height);
        _crop = shape.CropIn(_resized);
        _luma = GC.AllocateArray<byte>(_resized.Width * _resized.Height, pinned: true);
        _u = GC.AllocateArray<byte>(shape.Width * shape.Height, pinned: true);
        _v = GC.AllocateArray<byte>(shape.Width * shape.Height, pinned: true);
        _yuv = GC.AllocateArray<byte>(shape.RgbBytes, pinned: true);
        var columns = ChromaCoordinates(shape.Width, _crop.X, _region.X, _region.Width, _resized.Width);
        var rows = ChromaCoordinates(shape.Height, _crop.Y, _region.Y, _region.Height, _resized.Height);
        _mapX = GC.AllocateArray<float>(shape.Width * shape.Height, pinned: true);
        _mapY = GC.AllocateArray<float>(shape.Width * shape.Height, pinned: true);
        for (var y = 0; y < shape.Height; y++)
        {
            for (var x = 0; x < shape.Width; x++)
            {
                _mapX[(y * shape.Width) + x] = columns[x];
                _mapY[(y * shape.Width) + x] = rows[y];
            }
        }
    }

    /// <summary>Width of the luma plane in the raw frame (the frame's width rounded up to even).</summary>
    public int StrideWidth { get; }

    /// <summary>Height of the luma plane in the raw frame (the frame's height rounded up to even).</summary>
    public int StrideHeight { get; }

    /// <summary>Bytes of one raw I420 frame: the luma plane plus two quarter-size chroma planes.</summary>
    public int FrameBytes => StrideWidth * StrideHeight * 3 / 2;

    /// <summary>
    /// Writes the RGB model frame for <paramref name="i420"/> (<see cref="FrameBytes"/> bytes) into
    /// <paramref name="rgb"/>, which is made H x W 8UC3 if it is not.
    /// </summary>
    public unsafe void Convert(ReadOnlySpan<byte> i420, Mat rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (i420.Length < FrameBytes)
        {
            throw new ArgumentException($"an I420 frame of {StrideWidth}x{StrideHeight} needs {FrameBytes} bytes, got {i420.Length}", nameof(i420));
        }

        var chromaWidth = StrideWidth / 2;
        var chromaHeight = StrideHeight / 2;
        var lumaBytes = StrideWidth * StrideHeight;
        fixed (byte* raw = i420)
        fixed (byte* luma = _luma)
        fixed (byte* u = _u)
        fixed (byte* v = _v)
        fixed (byte* yuv = _yuv)
        fixed (float* mapX = _mapX)
        fixed (float* mapY = _mapY)
        {
            using var yPlane = Mat.FromPixelData(StrideHeight, StrideWidth, MatType.CV_8UC1, (IntPtr)raw);
            using var uPlane = Mat.FromPixelData(chromaHeight, chromaWidth, MatType.CV_8UC1, (IntPtr)(raw + lumaBytes));
            using var vPlane = Mat.FromPixelData(chromaHeight, chromaWidth, MatType.CV_8UC1, (IntPtr)(raw + lumaBytes + (chromaWidth * chromaHeight)));
            using var yRegion = new Mat(yPlane, _region);
            using var yResized = Mat.FromPixelData(_resized.Height, _resized.Width, MatType.CV_8UC1, (IntPtr)luma);
            Cv2.Resize(yRegion, yResized, _resized, 0, 0, InterpolationFlags.Linear);
            using var yModel = new Mat(yResized, _crop);
            using var xs = Mat.FromPixelData(_shape.Height, _shape.Width, MatType.CV_32FC1, (IntPtr)mapX);
            using var ys = Mat.FromPixelData(_shape.Height, _shape.Width, MatType.CV_32FC1, (IntPtr)mapY);
            using var uModel = Mat.FromPixelData(_shape.Height, _shape.Width, MatType.CV_8UC1, (IntPtr)u);
            using var vModel = Mat.FromPixelData(_shape.Height, _shape.Width, MatType.CV_8UC1, (IntPtr)v);
            Cv2.Remap(uPlane, uModel, xs, ys, InterpolationFlags.Linear, BorderTypes.Replicate);
            Cv2.Remap(vPlane, vModel, xs, ys, InterpolationFlags.Linear, BorderTypes.Replicate);
            using var packed = Mat.FromPixelData(_shape.Height, _shape.Width, MatType.CV_8UC3, (IntPtr)yuv);
            Cv2.Merge([yModel, uModel, vModel], packed);
            rgb.Create(_shape.Height, _shape.Width, MatType.CV_8UC3);
            Cv2.Transform(packed, rgb, YuvToRgb.Bt601Limited);
        }
    }

    /// <summary>
    /// Per output pixel along one axis, the chroma-plane coordinate whose bilinear sample equals what
    /// OpenCV's bilinear resize reads from the chroma upsampled to full size by repetition (ffmpeg's
    /// YUV to BGR converter does that): the resize mixes full-size pixels x0 and x1 = x0 + 1 with weight
    /// a; both lie on chroma sample x0 / 2 when x0 is even, and on x0 / 2 and x0 / 2 + 1 otherwise.
    /// </summary>
    private static float[] ChromaCoordinates(int outputs, int cropOffset, int regionOffset, int regionSize, int resizedSize)
    {
        // cv::resize: scale = 1 / (dst / src), source position (d + 0.5) * scale - 0.5, clamped to the edges.
        var scale = 1.0 / ((double)resizedSize / regionSize);
        var coordinates = new float[outputs];
        for (var i = 0; i < outputs; i++)
        {
            var position = (float)(((i + cropOffset + 0.5) * scale) - 0.5);
            var first = (int)Math.Floor(position);
            var weight = position - first;
            if (first < 0)
            {
                (first, weight) = (0, 0);
            }

            if (first >= regionSize - 1)
            {
                (first, weight) = (regionSize - 1, 0);
            }

            var x0 = regionOffset + first;
            coordinates[i] = x0 % 2 == 0 ? x0 / 2 : (x0 / 2) + weight;
        }

        return coordinates;
    }
}
