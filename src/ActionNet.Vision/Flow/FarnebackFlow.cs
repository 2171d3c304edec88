using OpenCvSharp;

namespace ActionNet.Vision.Flow;

/// <summary>
/// Dense optical flow between two frames with OpenCV's Farneback method (pyramid scale 0.5,
/// 3 levels, window 15, 3 iterations, polyN 5, polySigma 1.2, flags 0) on grayscale, encoded the
/// way NVIDIA encodes flow (<see cref="FlowEncoder"/>). Holds reusable Mats: one instance per
/// thread, not thread-safe. Buffers are reallocated only when the frame size changes.
/// </summary>
public sealed class FarnebackFlow : IDisposable
{
    private readonly Mat _previousGray = new();
    private readonly Mat _nextGray = new();
    private readonly Mat _flow = new();

    /// <summary>
    /// Flow between two RGB frames (uint8 H x W x 3, the live path at model resolution), written as
    /// interleaved encoded u, v bytes (H x W x 2) into <paramref name="uvDestination"/>.
    /// </summary>
    public unsafe void ComputeRgb(ReadOnlySpan<byte> previousRgb, ReadOnlySpan<byte> nextRgb, int height, int width, Span<byte> uvDestination)
    {
        int frameBytes = height * width * 3;
        if (previousRgb.Length < frameBytes || nextRgb.Length < frameBytes)
        {
            throw new ArgumentException($"RGB frames of {height}x{width} need {frameBytes} bytes; got {previousRgb.Length} and {nextRgb.Length}");
        }

        fixed (byte* previous = previousRgb)
        fixed (byte* next = nextRgb)
        {
            using var previousMat = Mat.FromPixelData(height, width, MatType.CV_8UC3, (IntPtr)previous);
            using var nextMat = Mat.FromPixelData(height, width, MatType.CV_8UC3, (IntPtr)next);
            Cv2.CvtColor(previousMat, _previousGray, ColorConversionCodes.RGB2GRAY);
            Cv2.CvtColor(nextMat, _nextGray, ColorConversionCodes.RGB2GRAY);
        }

        Calculate();
        FlowEncoder.EncodeInterleaved(FlowValues(), uvDestination);
    }

    /// <summary>
    /// Flow between two OpenCV frames (BGR, BGRA or gray, any size: the dataset path at source
    /// resolution), written as encoded u and v planes into two Mats that are (re)created as 8-bit
    /// single-channel images of the frame size.
    /// </summary>
    public unsafe void ComputePlanes(Mat previous, Mat next, Mat uDestination, Mat vDestination)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(uDestination);
        ArgumentNullException.ThrowIfNull(vDestination);
        if (previous.Size() != next.Size())
        {
            throw new ArgumentException($"frames differ in size: {previous.Width}x{previous.Height} and {next.Width}x{next.Height}");
        }

        ToGray(previous, _previousGray);
        ToGray(next, _nextGray);
        Calculate();
        uDestination.Create(previous.Size(), MatType.CV_8UC1);
        vDestination.Create(previous.Size(), MatType.CV_8UC1);
        int pixels = previous.Rows * previous.Cols;
        FlowEncoder.EncodePlanes(
            FlowValues(),
            new Span<byte>((void*)uDestination.Data, pixels),
            new Span<byte>((void*)vDestination.Data, pixels));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _previousGray.Dispose();
        _nextGray.Dispose();
        _flow.Dispose();
    }

    private static void ToGray(Mat source, Mat gray)
    {
        switch (source.Channels())
        {
            case 1:
                source.CopyTo(gray);
                break;
            case 3:
                Cv2.CvtColor(source, gray, ColorConversionCodes.BGR2GRAY);
                break;
            case 4:
                Cv2.CvtColor(source, gray, ColorConversionCodes.BGRA2GRAY);
                break;
            default:
                throw new ArgumentException($"frames must have 1, 3 or 4 channels, got {source.Channels()}");
        }
    }

    private void Calculate() =>
        Cv2.CalcOpticalFlowFarneback(_previousGray, _nextGray, _flow, 0.5, 3, 15, 3, 5, 1.2, OpticalFlowFlags.None);

    private unsafe ReadOnlySpan<float> FlowValues() => new((void*)_flow.Data, _flow.Rows * _flow.Cols * 2);
}
