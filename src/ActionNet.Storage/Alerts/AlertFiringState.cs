using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Alerts;

/// <summary>
/// The latest firing of one rule on one camera (in person mode: on one tracked person of a camera), stored so that
/// a router on another silo carries it on: whether it is open, how many updates went out, the segment as last seen
/// (its end starts the cooldown), and the targets its start went to, which its updates and end go to as well.
/// Key: rule, camera and track.
/// </summary>
public sealed record AlertFiringState
{
    /// <summary>The firing id and idempotency key (<see cref="AlertKeys.FiringId"/>).</summary>
    public string FiringId { get; init; } = "";

    /// <summary>The rule.</summary>
    public string RuleId { get; init; } = "";

    /// <summary>The camera.</summary>
    public string CameraId { get; init; } = "";

    /// <summary>The tracked person the firing is about; null for a whole-frame camera.</summary>
    public string? TrackId { get; init; }

    /// <summary>The segment's first window sequence, which names the segment.</summary>
    public long FirstSequence { get; init; }

    /// <summary>The webhook the start went to, or null.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Whether the start went to MQTT.</summary>
    public bool Mqtt { get; init; }

    /// <summary>Whether the end has not been decided yet.</summary>
    public bool Open { get; init; }

    /// <summary>Updates decided so far.</summary>
    public int Updates { get; init; }

    /// <summary>Camera time of the latest phase decided (start or update), from which the next update is due.</summary>
    public DateTimeOffset LastPhaseAt { get; init; }

    /// <summary>The segment as last seen.</summary>
    public LabelSegment Segment { get; init; } = new();
}
