using ActionNet.Abstractions.History;

namespace ActionNet.Abstractions.Live;

/// <summary>
/// One thing that happened to a camera's labels, published by the camera's aggregator on its partition's stream
/// (<see cref="LiveEvents.StreamFor"/>) as soon as it is journaled (persisted). Consumers (the API's
/// server-sent events, alert rules, <c>actionnet watch</c>) subscribe there; none of them polls storage.
/// Segment boundaries are the stored segments' boundaries, so <see cref="LabelSegment.FirstSequence"/>
/// names the same segment the history returns.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.live-event")]
public sealed record LiveEvent
{
    /// <summary>What happened.</summary>
    [Id(0)] public LiveEventKind Kind { get; init; }

    /// <summary>The camera id.</summary>
    [Id(1)] public string CameraId { get; init; } = "";

    /// <summary>The label event, for <see cref="LiveEventKind.Label"/>.</summary>
    [Id(2)] public ActionEvent? Event { get; init; }

    /// <summary>
    /// The segment as it stands, for <see cref="LiveEventKind.SegmentStart"/> (its first event) and
    /// <see cref="LiveEventKind.SegmentEnd"/> (complete); label events leave it out to stay small.
    /// </summary>
    [Id(3)] public LabelSegment? Segment { get; init; }

    /// <summary>The gap, for <see cref="LiveEventKind.Gap"/>.</summary>
    [Id(4)] public HistoryGap? Gap { get; init; }

    /// <summary>When the aggregator published it (UTC).</summary>
    [Id(5)] public DateTimeOffset PublishedAt { get; init; }

    /// <summary>The label the event is about: the event's or the segment's; null for gaps.</summary>
    public string? Label => Event?.Label ?? Segment?.Label;

    /// <summary>The tracked person the event is about; null for whole-frame labels and for gaps (which end every track).</summary>
    public string? TrackId => Event?.TrackId ?? Segment?.TrackId;
}
