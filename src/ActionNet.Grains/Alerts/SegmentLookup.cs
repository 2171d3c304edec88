using ActionNet.Abstractions.History;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// A camera whose live events the router cannot place in a known segment (it started mid-segment, or events
/// were lost): the stored segment holding <see cref="Target"/> is needed, through the label history.
/// </summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Target">The earliest event waiting for its segment (its track, if any, is the segment's).</param>
public sealed record SegmentLookup(string CameraId, ActionEvent Target);
