using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// Reads one raw frame of a fixed size and <see cref="RawPixelFormat"/> from a pipe into a caller's Mat
/// (8-bit, 3 channels): packed frames go straight into the Mat with no copy, planar YUV model frames are
/// read into one reused buffer and converted to RGB by OpenCV (BT.601 limited range, as ffmpeg decodes
/// H.264). No image memory is allocated per frame.
/// </summary>
internal sealed class RawFrameReader
{
    private readonly int _width;
    private readonly int _height;
    private readonly RawPixelFormat _format;
    private byte[]? _buffer;
    private byte[]? _packed;

    /// <summary>Creates a reader for frames of <paramref name="width"/> x <paramref name="height"/> in <paramref name="format"/>.</summary>
    public RawFrameReader(int width, int height, RawPixelFormat format)
    {
        if (format == RawPixelFormat.I420 && (width % 2 != 0 || height % 2 != 0))
        {
            throw new ArgumentException($"I420 frames need an even width and height; got {width}x{height}", nameof(format));
        }

        _width = width;
        _height = height;
        _format = format;
        FrameBytes = format switch
        {
            RawPixelFormat.I420 => checked(width * height * 3 / 2),
            _ => checked(width * height * 3),
        };
    }

    /// <summary>Bytes of one frame on the pipe.</summary>
    public int FrameBytes { get; }

    /// <summary>
    /// Reads one frame from <paramref name="pipe"/> into <paramref name="frame"/> (made height x width 8UC3
    /// if it is not; BGR order for <see cref="RawPixelFormat.Bgr24"/>, RGB otherwise). Returns the bytes
    /// received: <see cref="FrameBytes"/> for a whole frame, less at the end of the stream or when the pipe
    /// was closed under the reader.
    /// </summary>
    public unsafe int Read(Stream pipe, Mat frame)
    {
        frame.Create(_height, _width, MatType.CV_8UC3);
        if (_format is RawPixelFormat.Bgr24 or RawPixelFormat.Rgb24 && frame.IsContinuous())
        {
            return ReadInto(pipe, new Span<byte>((void*)frame.Data, FrameBytes));
        }

        _buffer ??= new byte[FrameBytes];
        var received = ReadInto(pipe, _buffer);
        if (received == FrameBytes)
        {
            Deliver(frame);
        }

        return received;
    }

    private unsafe void Deliver(Mat frame)
    {
        fixed (byte* raw = _buffer)
        {
            switch (_format)
            {
                case RawPixelFormat.I420:
                    {
                        using var planes = Mat.FromPixelData(_height * 3 / 2, _width, MatType.CV_8UC1, (IntPtr)raw);
                        Cv2.CvtColor(planes, frame, ColorConversionCodes.YUV2RGB_I420);
                        break;
                    }

                case RawPixelFormat.Yuv444:
                    {
                        _packed ??= new byte[FrameBytes];
                        var plane = _width * _height;
                        fixed (byte* packed = _packed)
                        {
                            using var y = Mat.FromPixelData(_height, _width, MatType.CV_8UC1, (IntPtr)raw);
                            using var u = Mat.FromPixelData(_height, _width, MatType.CV_8UC1, (IntPtr)(raw + plane));
                            using var v = Mat.FromPixelData(_height, _width, MatType.CV_8UC1, (IntPtr)(raw + (2 * plane)));
                            using var yuv = Mat.FromPixelData(_height, _width, MatType.CV_8UC3, (IntPtr)packed);
                            Cv2.Merge([y, u, v], yuv);
                            Cv2.Transform(yuv, frame, Bt601LimitedToRgb.Value);
                        }

                        break;
                    }

                default:
                    {
                        // A sub-matrix view is not one block: copy row by row from the buffer.
                        var row = _width * 3;
                        for (var r = 0; r < _height; r++)
                        {
                            Marshal.Copy(_buffer!, r * row, frame.Ptr(r), row);
                        }

                        break;
                    }
            }
        }
    }

    // Y'CbCr BT.601, limited range (Y 16..235, Cb/Cr 16..240), to RGB: what ffmpeg's H.264 decoders produce.
    // The offset is swscale's: its x86 SIMD converter, which OpenCV's VideoCapture (and so `classify`) goes
    // through, truncates its fixed-point products and comes out about 1.5 levels below the exact formula
    // (measured on smooth gradients: 1.5-1.8 per channel); subtracting it keeps the two paths unbiased.
    private static readonly Lazy<Mat> Bt601LimitedToRgb = new(() =>
    {
        const double Ky = 255.0 / 219.0;
        const double Kc = 255.0 / 224.0;
        const double SwscaleTruncation = 1.5;
        double[,] m =
        {
            { Ky, 0, 1.402 * Kc, 0 },
            { Ky, -0.344136 * Kc, -0.714136 * Kc, 0 },
            { Ky, 1.772 * Kc, 0, 0 },
        };
        for (var r = 0; r < 3; r++)
        {
            m[r, 3] = (-16 * m[r, 0]) - (128 * (m[r, 1] + m[r, 2])) - SwscaleTruncation;
        }

        return Mat.FromArray(m);
    });

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
