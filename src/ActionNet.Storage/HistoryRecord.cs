using System.Text.Json.Serialization;
using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// One entry of a camera's history stream as the journal keeps it and the writer stores it: an event,
/// or a gap (an outage, or windows lost with a reason) placed just before the event that follows it.
/// Exactly one of the two is set.
/// </summary>
public sealed record HistoryRecord
{
    /// <summary>A labelled window.</summary>
    public ActionEvent? Event { get; init; }

    /// <summary>An outage or a run of lost windows.</summary>
    public HistoryGap? Gap { get; init; }

    /// <summary>The sequence the record is ordered by: the event's, or the gap's next sequence.</summary>
    [JsonIgnore]
    public long Sequence => Event?.Sequence ?? Gap?.NextSequence ?? -1;

    /// <summary>The record's time: the event's end, or the gap's end.</summary>
    [JsonIgnore]
    public DateTimeOffset Time => Event?.End ?? Gap?.End ?? default;
}
