using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// An <see cref="IFrameSource"/> over a local video file, optionally looped (a simulated camera:
/// after the last frame it rewinds to the first). Decoding uses OpenCV's bundled FFmpeg.
/// </summary>
public sealed class VideoFileFrameSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly bool _loop;
    private readonly string _name;
    private long _sinceRewind;

    static VideoFileFrameSource() => Cv2.SetLogLevel(OpenCvSharp.LogLevel.ERROR);

    private VideoFileFrameSource(VideoCapture capture, string path, bool loop)
    {
        _capture = capture;
        _loop = loop;
        _name = System.IO.Path.GetFileName(path);
        FramesPerSecond = capture.Fps;
        Width = capture.FrameWidth;
        Height = capture.FrameHeight;
    }

    /// <inheritdoc/>
    public double FramesPerSecond { get; }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int Height { get; }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="VideoSourceException"/> when it is missing or unreadable.</summary>
    public static VideoFileFrameSource Open(string path, bool loop)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new VideoSourceException($"video file '{path}' does not exist (expected a video file such as .mp4 or .avi)");
        }

        var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new VideoSourceException($"'{System.IO.Path.GetFileName(path)}' is not a readable video: OpenCV could not open it");
        }

        return new VideoFileFrameSource(capture, path, loop);
    }

    /// <inheritdoc/>
    public bool Read(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_capture.Read(frame) && !frame.Empty())
        {
            _sinceRewind++;
            return true;
        }

        if (!_loop)
        {
            return false;
        }

        if (_sinceRewind == 0)
        {
            throw new VideoSourceException($"'{_name}' is not a readable video: no frame could be decoded");
        }

        _sinceRewind = 0;
        _capture.Set(VideoCaptureProperties.PosFrames, 0);
        return Read(frame);
    }

    /// <inheritdoc/>
    public void Dispose() => _capture.Dispose();
}
