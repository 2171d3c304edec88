using ActionNet.Vision.Detection;

namespace ActionNet.Vision.Clips;

/// <summary>A window of one tracked person, ready for inference.</summary>
/// <param name="TrackId">The track the window belongs to (<see cref="Tracking.TrackedPerson.Id"/>).</param>
/// <param name="Box">The track's smoothed box at the window's last frame, source pixels (before the context margin).</param>
/// <param name="Window">The person's crops at model resolution, as a <see cref="WindowBuffer"/> cuts them.</param>
public sealed record PersonWindow(int TrackId, PixelBox Box, ClipWindow Window);
