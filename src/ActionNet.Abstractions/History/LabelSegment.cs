namespace ActionNet.Abstractions.History;

/// <summary>
/// A run of consecutive events of one camera (in person mode: of one tracked person) with the same label: the
/// primary record of the label history. A run closes when the label changes, at a gap (an outage), at the end
/// of the UTC hour its first event ended in (so every segment lies in one hour), or, for a track, once a later
/// event of the camera starts more than <see cref="TrackIdleSeconds"/> after the track's last window ended (the
/// person left). The open run is stored too (<see cref="Open"/>) and updated at every flush. Identified by
/// camera id and <see cref="FirstSequence"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.label-segment")]
public sealed record LabelSegment
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The label held through the segment.</summary>
    [Id(1)] public string Label { get; init; } = "";

    /// <summary>Start of the first event's window.</summary>
    [Id(2)] public DateTimeOffset Start { get; init; }

    /// <summary>End of the last event's window.</summary>
    [Id(3)] public DateTimeOffset End { get; init; }

    /// <summary>Window sequence of the first event.</summary>
    [Id(4)] public long FirstSequence { get; init; }

    /// <summary>Window sequence of the last event.</summary>
    [Id(5)] public long LastSequence { get; init; }

    /// <summary>Mean of the events' confidences, 0 to 1.</summary>
    [Id(6)] public float MeanConfidence { get; init; }

    /// <summary>Events (windows) in the segment.</summary>
    [Id(7)] public int Windows { get; init; }

    /// <summary>Highest event confidence in the segment, 0 to 1.</summary>
    [Id(8)] public float PeakConfidence { get; init; }

    /// <summary>The model that scored the segment's first window.</summary>
    [Id(9)] public string Model { get; init; } = "";

    /// <summary>
    /// Seconds the segment covers: each event owns the part of its window after the previous window's end,
    /// so overlapping windows count once.
    /// </summary>
    [Id(10)] public double Seconds { get; init; }

    /// <summary>Whether the run is still open (its camera's newest segment, still growing).</summary>
    [Id(11)] public bool Open { get; init; }

    /// <summary>The tracked person the segment is about; null for a whole-frame (or region) segment.</summary>
    [Id(12)] public string? TrackId { get; init; }

    /// <summary>The person's box at the segment's last window, [x1, y1, x2, y2] in source pixels; null without a track.</summary>
    [Id(13)] public float[]? Box { get; init; }

    /// <summary>Seconds after a track's last window past which the next event of its camera closes the track's open segment.</summary>
    public const int TrackIdleSeconds = 10;
}
