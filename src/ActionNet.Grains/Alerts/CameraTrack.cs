using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;

namespace ActionNet.Grains.Alerts;

/// <summary>What the <see cref="AlertEvaluator"/> knows of one camera's live events. Not thread-safe.</summary>
internal sealed class CameraTrack
{
    /// <summary>The segment being followed, or null.</summary>
    public SegmentProgress? Current { get; set; }

    /// <summary>The highest window sequence accounted for; events at or below it were taken already.</summary>
    public long Floor { get; set; } = -1;

    /// <summary>The earliest event held for a stored segment, or null.</summary>
    public ActionEvent? Target { get; set; }

    /// <summary>Events held since <see cref="Target"/>, in order; null when none are held.</summary>
    public List<LiveEvent>? Held { get; set; }
}
