using ActionNet.Abstractions.Cameras;
using OpenCvSharp;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// Keeps a camera's latest decoded frame as a small JPEG for <see cref="ICameraGrain.GetSnapshotAsync"/>:
/// at most one encode a second (about a millisecond), so the reader's hot path is untouched between.
/// </summary>
public sealed class FrameSnapshot(TimeProvider time)
{
    /// <summary>Widest snapshot kept, in pixels; larger frames are scaled down with their aspect kept.</summary>
    public const int MaxWidth = 320;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly ImageEncodingParam[] Quality = [new(ImwriteFlags.JpegQuality, 75)];
    private DateTimeOffset next = DateTimeOffset.MinValue;
    private volatile CameraSnapshot? latest;

    /// <summary>The latest snapshot, or null before the first frame.</summary>
    public CameraSnapshot? Latest => latest;

    /// <summary>Offers a decoded frame (BGR, or RGB when <paramref name="rgb"/>); kept when a second has passed since the last.</summary>
    public void Offer(Mat frame, bool rgb)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var now = time.GetUtcNow();
        if (now < next || frame.Empty())
        {
            return;
        }

        next = now + Interval;
        using var scaled = new Mat();
        var source = frame;
        if (frame.Width > MaxWidth)
        {
            Cv2.Resize(frame, scaled, new Size(MaxWidth, Math.Max(1, frame.Height * MaxWidth / frame.Width)), 0, 0, InterpolationFlags.Area);
            source = scaled;
        }

        using var bgr = new Mat();
        if (rgb)
        {
            Cv2.CvtColor(source, bgr, ColorConversionCodes.RGB2BGR);
            source = bgr;
        }

        Cv2.ImEncode(".jpg", source, out var jpeg, Quality);
        latest = new CameraSnapshot { Jpeg = jpeg, TakenAt = now, Width = source.Width, Height = source.Height };
    }
}
