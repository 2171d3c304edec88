using System.Runtime.InteropServices;
using ActionNet.Vision.Frames;
using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// Reads one raw frame of a fixed size and <see cref="RawPixelFormat"/> from a pipe into a caller's Mat
/// (8-bit, 3 channels): full-size BGR goes straight into the Mat with no copy; a model-sized planar YUV 4:4:4
/// frame is read into one reused buffer, interleaved and converted to RGB in one BT.601 limited-range
/// transform. No image memory is allocated per frame.
/// </summary>
internal sealed class RawFrameReader
{
    private readonly int _width;
    private readonly int _height;
    private readonly byte[]? _buffer;
    private readonly byte[]? _packed;
    private byte[]? _rowBuffer;

    private RawFrameReader(RawPixelFormat format, int width, int height)
    {
        _width = width;
        _height = height;
        FrameBytes = checked(width * height * 3);
        if (format == RawPixelFormat.Yuv444)
        {
            _buffer = GC.AllocateArray<byte>(FrameBytes, pinned: true);
            _packed = GC.AllocateArray<byte>(FrameBytes, pinned: true);
        }
    }

    /// <summary>Bytes of one frame on the pipe.</summary>
    public int FrameBytes { get; }

    /// <summary>
    /// The reader for the frames <see cref="FfmpegArguments.Decode"/> asks for with these
    /// <paramref name="options"/> (the same layout with or without CUDA), for a stream delivered at full
    /// size as <paramref name="frameWidth"/> x <paramref name="frameHeight"/>.
    /// </summary>
    public static RawFrameReader For(FfmpegSourceOptions options, int frameWidth, int frameHeight) =>
        options.ModelFrame is { } shape && FfmpegArguments.OutputFormat(options) == RawPixelFormat.Yuv444
            ? new RawFrameReader(RawPixelFormat.Yuv444, shape.Width, shape.Height)
            : new RawFrameReader(RawPixelFormat.Bgr24, frameWidth, frameHeight);

    /// <summary>
    /// Reads one frame from <paramref name="pipe"/> into <paramref name="frame"/> (made height x width 8UC3
    /// if it is not; BGR for full-size frames, RGB for model frames). Returns the bytes received:
    /// <see cref="FrameBytes"/> for a whole frame, less at the end of the stream or when the pipe was closed
    /// under the reader.
    /// </summary>
    public unsafe int Read(Stream pipe, Mat frame)
    {
        frame.Create(_height, _width, MatType.CV_8UC3);
        if (_buffer is null)
        {
            if (frame.IsContinuous())
            {
                return ReadInto(pipe, new Span<byte>((void*)frame.Data, FrameBytes));
            }

            // A sub-matrix view is not one block: it goes through one reused buffer, row by row.
            _rowBuffer ??= new byte[FrameBytes];
            var got = ReadInto(pipe, _rowBuffer);
            if (got == FrameBytes)
            {
                var row = _width * 3;
                for (var r = 0; r < _height; r++)
                {
                    Marshal.Copy(_rowBuffer, r * row, frame.Ptr(r), row);
                }
            }

            return got;
        }

        var received = ReadInto(pipe, _buffer);
        if (received != FrameBytes)
        {
            return received;
        }

        var plane = _width * _height;
        fixed (byte* raw = _buffer)
        fixed (byte* packed = _packed)
        {
            using var y = Mat.FromPixelData(_height, _width, MatType.CV_8UC1, (IntPtr)raw);
            using var u = Mat.FromPixelData(_height, _width, MatType.CV_8UC1, (IntPtr)(raw + plane));
            using var v = Mat.FromPixelData(_height, _width, MatType.CV_8UC1, (IntPtr)(raw + (2 * plane)));
            using var yuv = Mat.FromPixelData(_height, _width, MatType.CV_8UC3, (IntPtr)packed);
            Cv2.Merge([y, u, v], yuv);
            Cv2.Transform(yuv, frame, YuvToRgb.Bt601Limited);
        }

        return received;
    }

    private static int ReadInto(Stream pipe, Span<byte> target)
    {
        var received = 0;
        try
        {
            while (received < target.Length)
            {
                var n = pipe.Read(target[received..]);
                if (n == 0)
                {
                    break;
                }

                received += n;
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe closed under us (killed by the watchdog, a cancellation or Dispose): handled as EOF.
        }

        return received;
    }
}
