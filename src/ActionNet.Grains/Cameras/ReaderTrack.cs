using ActionNet.Vision.Detection;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A tracked person as the camera's reader knows them: the tracker's id within one run of the reader
/// (<paramref name="Run"/> counts the reader's (re)starts, whose trackers number from 1 again) and their box at the
/// window's last frame. The recorder turns it into the person's public track id.
/// </summary>
/// <param name="Run">The reader run the tracker belongs to.</param>
/// <param name="TrackId">The tracker's id within that run.</param>
/// <param name="Box">The person's box at the window's last frame, source pixels.</param>
public sealed record ReaderTrack(long Run, int TrackId, PixelBox Box);
