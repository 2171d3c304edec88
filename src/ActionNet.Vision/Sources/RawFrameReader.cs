using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// Reads one raw bgr24 frame of a fixed size from a pipe straight into a caller's Mat: no copy and no
/// allocation per frame (a sub-matrix view, which is not one block, goes through one reused buffer).
/// </summary>
internal sealed class RawFrameReader(int width, int height)
{
    private byte[]? _rowBuffer;

    /// <summary>Bytes in one frame.</summary>
    public int FrameBytes { get; } = checked(width * height * 3);

    /// <summary>
    /// Reads one frame from <paramref name="pipe"/> into <paramref name="frame"/> (made width x height,
    /// 8UC3 if it is not). Returns the bytes received: <see cref="FrameBytes"/> for a whole frame, less at
    /// the end of the stream or when the pipe was closed under the reader.
    /// </summary>
    public unsafe int Read(Stream pipe, Mat frame)
    {
        frame.Create(height, width, MatType.CV_8UC3);
        if (frame.IsContinuous())
        {
            return ReadInto(pipe, new Span<byte>((void*)frame.Data, FrameBytes));
        }

        _rowBuffer ??= new byte[FrameBytes];
        var received = ReadInto(pipe, _rowBuffer);
        if (received == FrameBytes)
        {
            var row = width * 3;
            for (var y = 0; y < height; y++)
            {
                Marshal.Copy(_rowBuffer, y * row, frame.Ptr(y), row);
            }
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
