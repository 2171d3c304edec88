using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ActionNet.Vision.Sources;

/// <summary>
/// Reads a local video file with OpenCV's VideoCapture (bundled FFmpeg; no network URLs).
/// Frames are decoded into one reused BGR <see cref="Mat"/> handed to a callback: the callback
/// must copy what it needs and never keep the Mat. Not thread-safe.
/// </summary>
public sealed partial class VideoFileReader : IDisposable
{
    private readonly VideoCapture _capture;

    // OpenCV warns on stderr before returning "not opened" for a file it cannot read; the reader turns
    // that into one VideoSourceException line (or a DecodeReport), so only OpenCV's errors stay visible.
    // Its bundled FFmpeg also prints errors of its own ("moov atom not found", "ac-tex damaged") straight
    // to stderr; OpenCV reads OPENCV_FFMPEG_LOGLEVEL with getenv when FFmpeg starts, so set it natively
    // (-8 = AV_LOG_QUIET) unless the user chose a level. .NET's Environment does not reach getenv.
    static VideoFileReader()
    {
        Cv2.SetLogLevel(OpenCvSharp.LogLevel.ERROR);
        if (!OperatingSystem.IsWindows())
        {
            _ = SetEnv("OPENCV_FFMPEG_LOGLEVEL", "-8", overwrite: 0);
        }
    }

    private VideoFileReader(string path, VideoCapture capture)
    {
        Path = path;
        _capture = capture;
        FramesPerSecond = capture.Fps;
        Width = capture.FrameWidth;
        Height = capture.FrameHeight;
        FramesClaimed = Math.Max(0, capture.FrameCount);
    }

    /// <summary>The video file.</summary>
    public string Path { get; }

    /// <summary>Frame rate the container declares (0 when unknown).</summary>
    public double FramesPerSecond { get; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frames the container claims (CAP_PROP_FRAME_COUNT); 0 when unknown. May be an estimate.</summary>
    public int FramesClaimed { get; }

    /// <summary>Opens a video file; throws <see cref="VideoSourceException"/> when it is missing or OpenCV cannot open it.</summary>
    public static VideoFileReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = System.IO.Path.GetFileName(path);
        if (Directory.Exists(path))
        {
            throw new VideoSourceException($"'{path}' is a folder, expected a video file such as .mp4 or .avi");
        }

        if (!File.Exists(path))
        {
            throw new VideoSourceException($"video file '{path}' does not exist (expected a video file such as .mp4 or .avi)");
        }

        var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new VideoSourceException($"'{name}' is not a readable video: OpenCV could not open it (expected a video file such as .mp4 or .avi; a truncated or corrupt file also ends here)");
        }

        return new VideoFileReader(path, capture);
    }

    /// <summary>
    /// Decodes every frame from the current position, calling <paramref name="onFrame"/> with the
    /// frame's index and the reused BGR Mat. Stops at the end of the stream or at the first frame
    /// that cannot be decoded. Throws <see cref="VideoSourceException"/> when no frame at all decodes.
    /// </summary>
    public DecodeReport ReadAll(Action<int, Mat> onFrame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        using var frame = new Mat();
        int decoded = 0;
        while (_capture.Read(frame) && !frame.Empty())
        {
            cancellationToken.ThrowIfCancellationRequested();
            onFrame(decoded, frame);
            decoded++;
        }

        if (decoded == 0)
        {
            throw new VideoSourceException($"'{System.IO.Path.GetFileName(Path)}' is not a readable video: no frame could be decoded (expected a video file such as .mp4 or .avi)");
        }

        return new DecodeReport(Path, decoded, FramesClaimed);
    }

    /// <inheritdoc/>
    public void Dispose() => _capture.Dispose();

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
