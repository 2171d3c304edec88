using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// A stream of decoded frames pulled one at a time, from a local file today and from a network
/// decoder (an ffmpeg child process writing raw BGR) next. Frames are written into the caller's reused
/// <see cref="Mat"/>. Not thread-safe: one reading thread per source.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>Frame rate the source declares; 0 when unknown.</summary>
    double FramesPerSecond { get; }

    /// <summary>Frame width in pixels; 0 until known.</summary>
    int Width { get; }

    /// <summary>Frame height in pixels; 0 until known.</summary>
    int Height { get; }

    /// <summary>
    /// Decodes the next frame into <paramref name="frame"/> (8-bit BGR). Returns false at the end of the
    /// stream; throws <see cref="VideoSourceException"/> when the source fails.
    /// </summary>
    bool Read(Mat frame);
}
