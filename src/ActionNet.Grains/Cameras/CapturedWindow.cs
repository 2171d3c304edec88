using ActionNet.Abstractions.Inference;
using ActionNet.Vision.Clips;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A window cut by a camera's reader, waiting for dispatch: its uint8 frames and capture times. It gets
/// its sequence number only when dispatched, so dropped windows leave no gaps in history.
/// </summary>
/// <param name="Window">The window from the <see cref="WindowBuffer"/>.</param>
/// <param name="FirstFrameAt">Capture time of the first frame.</param>
/// <param name="LastFrameAt">Capture time of the last frame.</param>
public sealed record CapturedWindow(ClipWindow Window, DateTimeOffset FirstFrameAt, DateTimeOffset LastFrameAt)
{
    /// <summary>The payload sent to inference, numbered <paramref name="sequence"/>.</summary>
    public WindowPayload ToPayload(string cameraId, long sequence)
    {
        var frames = Window.Clip.Rgb ?? Window.Clip.Flow!;
        return new WindowPayload
        {
            Header = new WindowHeader
            {
                CameraId = cameraId,
                Sequence = sequence,
                FirstFrameIndex = Window.FirstSourceIndex,
                LastFrameIndex = Window.LastSourceIndex,
                FirstFrameAt = FirstFrameAt,
                LastFrameAt = LastFrameAt,
                Frames = frames.Length,
            },
            Height = frames.Height,
            Width = frames.Width,
            Rgb = Window.Clip.Rgb?.Data,
            Flow = Window.Clip.Flow?.Data,
        };
    }

    /// <summary>Returns the window's arrays to <paramref name="pool"/>.</summary>
    public void ReturnTo(WindowArrayPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.Return(Window.Clip.Rgb?.Data);
        pool.Return(Window.Clip.Flow?.Data);
    }
}
