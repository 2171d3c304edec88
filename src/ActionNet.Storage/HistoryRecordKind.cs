using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>How one kind of history record (events or segments) is named, keyed, timed and filtered.</summary>
internal sealed record HistoryRecordKind<T>(
    string Root,
    Func<T, string> Camera,
    Func<T, long> FirstSequence,
    Func<T, long> LastSequence,
    Func<T, DateTimeOffset> Time,
    Func<T, string> Label,
    Func<T, float> Confidence)
{
    public static HistoryRecordKind<ActionEvent> Events { get; } = new(
        "events", e => e.CameraId, e => e.Sequence, e => e.Sequence, e => e.End, e => e.Label, e => e.Confidence);

    public static HistoryRecordKind<LabelSegment> Segments { get; } = new(
        "segments", s => s.CameraId, s => s.FirstSequence, s => s.LastSequence, s => s.End, s => s.Label, s => s.MeanConfidence);

    /// <summary>Whether <paramref name="record"/> passes the query's time, label and confidence filters.</summary>
    // A gap's blob is keyed by the first sequence after it; it has no label and counts as certain.
    public static HistoryRecordKind<HistoryGap> Gaps { get; } = new(
        "gaps", g => g.CameraId, g => g.NextSequence, g => g.NextSequence, g => g.End, _ => "gap", _ => 1f);

    public bool Matches(T record, HistoryQuery query)
    {
        var time = Time(record);
        return (query.From is null || time >= query.From)
            && (query.To is null || time < query.To)
            && (query.Label is null || string.Equals(Label(record), query.Label, StringComparison.Ordinal))
            && Confidence(record) >= query.MinConfidence;
    }

    /// <summary>Orders records by time, then camera, then sequence.</summary>
    public int Compare(T x, T y)
    {
        var byTime = Time(x).CompareTo(Time(y));
        if (byTime != 0)
        {
            return byTime;
        }

        var byCamera = string.CompareOrdinal(Camera(x), Camera(y));
        return byCamera != 0 ? byCamera : FirstSequence(x).CompareTo(FirstSequence(y));
    }
}
