using ActionNet.Abstractions.Inference;
using ActionNet.Vision.Clips;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A window cut by a camera's reader, on its way to the silo's scorer (in process): its uint8 frames and
/// capture times. It gets its sequence number only when its scores are recorded, so a window dropped
/// before that leaves no hole in the history's numbering.
/// </summary>
/// <param name="Window">The window from the <see cref="WindowBuffer"/>.</param>
/// <param name="FirstFrameAt">Capture time of the first frame.</param>
/// <param name="LastFrameAt">Capture time of the last frame.</param>
public sealed record CapturedWindow(ClipWindow Window, DateTimeOffset FirstFrameAt, DateTimeOffset LastFrameAt)
{
    /// <summary>The window's identity and timing as the aggregator records it, numbered <paramref name="sequence"/>.</summary>
    public WindowHeader ToHeader(string cameraId, long sequence) => new()
    {
        CameraId = cameraId,
        Sequence = sequence,
        FirstFrameIndex = Window.FirstSourceIndex,
        LastFrameIndex = Window.LastSourceIndex,
        FirstFrameAt = FirstFrameAt,
        LastFrameAt = LastFrameAt,
        Frames = (Window.Clip.Rgb ?? Window.Clip.Flow!).Length,
    };

    /// <summary>Returns the window's arrays to <paramref name="pool"/>.</summary>
    public void ReturnTo(WindowArrayPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.Return(Window.Clip.Rgb?.Data);
        pool.Return(Window.Clip.Flow?.Data);
    }
}
