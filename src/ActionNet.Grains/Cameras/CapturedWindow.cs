using ActionNet.Abstractions.Inference;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Detection;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A window cut by a camera's reader, on its way to the silo's scorer (in process): its uint8 frames and
/// capture times, and in person mode the tracked person it is a tube of. It gets its sequence number (and a person
/// their public track id) only when its scores are recorded, so a window dropped before that leaves no hole in the
/// history's numbering.
/// </summary>
/// <param name="Window">The window from the <see cref="WindowBuffer"/> (or a person's tube).</param>
/// <param name="FirstFrameAt">Capture time of the first frame.</param>
/// <param name="LastFrameAt">Capture time of the last frame.</param>
/// <param name="ContinuousSince">Capture time since which the reader has read the source without a break.</param>
/// <param name="Person">The tracked person, in person mode; null for a whole-frame window.</param>
public sealed record CapturedWindow(ClipWindow Window, DateTimeOffset FirstFrameAt, DateTimeOffset LastFrameAt, DateTimeOffset ContinuousSince, ReaderTrack? Person = null)
{
    /// <summary>The window's identity and timing as the aggregator records it, numbered <paramref name="sequence"/>, of track <paramref name="trackId"/>.</summary>
    public WindowHeader ToHeader(string cameraId, long sequence, string? trackId = null) => new()
    {
        CameraId = cameraId,
        Sequence = sequence,
        FirstFrameIndex = Window.FirstSourceIndex,
        LastFrameIndex = Window.LastSourceIndex,
        FirstFrameAt = FirstFrameAt,
        LastFrameAt = LastFrameAt,
        Frames = (Window.Clip.Rgb ?? Window.Clip.Flow!).Length,
        TrackId = trackId,
        Box = Person?.Box.ToArray(),
        ContinuousSince = ContinuousSince,
    };

    /// <summary>Returns the window's arrays to <paramref name="pool"/>.</summary>
    public void ReturnTo(WindowArrayPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.Return(Window.Clip.Rgb?.Data);
        pool.Return(Window.Clip.Flow?.Data);
    }
}
