using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;

namespace ActionNet.Grains.Alerts;

/// <summary>What the <see cref="AlertEvaluator"/> knows of one labelled stream's live events (a camera, or one tracked person). Not thread-safe.</summary>
internal sealed class CameraTrack(string key, string? trackId)
{
    /// <summary>The stream's key (<see cref="LabelStreams.Key"/>).</summary>
    public string Key { get; } = key;

    /// <summary>The tracked person; null for a whole-frame camera.</summary>
    public string? TrackId { get; } = trackId;

    /// <summary>The camera time the evaluator had reached when this stream last had an event.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>The segment being followed, or null.</summary>
    public SegmentProgress? Current { get; set; }

    /// <summary>The highest window sequence accounted for; events at or below it were taken already.</summary>
    public long Floor { get; set; } = -1;

    /// <summary>The earliest event held for a stored segment, or null.</summary>
    public ActionEvent? Target { get; set; }

    /// <summary>Events held since <see cref="Target"/>, in order; null when none are held.</summary>
    public List<LiveEvent>? Held { get; set; }
}
