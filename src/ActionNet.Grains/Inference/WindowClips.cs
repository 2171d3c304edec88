using ActionNet.Abstractions.Inference;
using ActionNet.Vision.Clips;

namespace ActionNet.Grains.Inference;

/// <summary>Turns a window's uint8 payload back into the clip form the model packs (no float tensors cross the network).</summary>
public static class WindowClips
{
    /// <summary>
    /// The clip held by <paramref name="window"/>: its RGB and/or flow frames, frame offsets 0..T-1.
    /// </summary>
    /// <exception cref="ArgumentException">The payload's byte counts do not match its T x H x W.</exception>
    public static ClipInput ToClipInput(WindowPayload window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Header.Frames < 1 || window.Height < 1 || window.Width < 1)
        {
            throw new ArgumentException($"window {window.Header.CameraId}#{window.Header.Sequence} has shape {window.Header.Frames}x{window.Height}x{window.Width}; every dimension must be positive", nameof(window));
        }

        if (window.Rgb is null && window.Flow is null)
        {
            throw new ArgumentException($"window {window.Header.CameraId}#{window.Header.Sequence} carries neither RGB nor flow frames", nameof(window));
        }

        return new ClipInput(
            [.. Enumerable.Range(0, window.Header.Frames)],
            Frames(window, window.Rgb, FrameKind.Rgb),
            Frames(window, window.Flow, FrameKind.Flow));
    }

    private static ClipFrames? Frames(WindowPayload window, byte[]? data, FrameKind kind)
    {
        if (data is null)
        {
            return null;
        }

        var expected = (long)window.Header.Frames * window.Height * window.Width * ClipFrames.ChannelsOf(kind);
        if (data.Length != expected)
        {
            throw new ArgumentException($"window {window.Header.CameraId}#{window.Header.Sequence} has {data.Length} {kind} bytes; {window.Header.Frames}x{window.Height}x{window.Width}x{ClipFrames.ChannelsOf(kind)} needs {expected}", nameof(window));
        }

        return new ClipFrames(kind, window.Header.Frames, window.Height, window.Width, data);
    }
}
