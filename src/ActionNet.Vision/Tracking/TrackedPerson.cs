using ActionNet.Vision.Detection;

namespace ActionNet.Vision.Tracking;

/// <summary>One track as it stands after a tracker frame: a snapshot, not updated afterwards.</summary>
/// <param name="Id">The track's id, from 1, increasing per tracker; never reused.</param>
/// <param name="Box">The Kalman filter's box this frame (updated by a detection, or predicted), source pixels.</param>
/// <param name="SmoothedBox">
/// The box for crops: the Kalman filter's centre with its width and height exponentially smoothed
/// (<see cref="TrackerOptions.SizeSmoothing"/>), so a crop's scale does not follow every detection's jitter.
/// </param>
/// <param name="Confidence">The confidence of the detection the track last matched, 0 to 1.</param>
/// <param name="Hits">Detections the track has matched, the first included.</param>
/// <param name="Age">Frames since the track started (0 on its first frame).</param>
/// <param name="FramesSinceSeen">Frames since the track last matched a detection (0 on a frame it matched one).</param>
/// <param name="State">Tentative, confirmed or lost.</param>
public sealed record TrackedPerson(int Id, PixelBox Box, PixelBox SmoothedBox, float Confidence, int Hits, int Age, int FramesSinceSeen, TrackState State);
