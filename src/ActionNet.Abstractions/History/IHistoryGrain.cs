namespace ActionNet.Abstractions.History;

/// <summary>
/// The query front of the label history, so clients need no storage credentials. A stateless worker
/// on every silo; key: any string (callers use "history"). Every answer is one page: the grain never
/// holds a whole result set, and a query it rejects (see <see cref="HistoryQueryRules"/>, unknown labels)
/// fails with an <see cref="ArgumentException"/> before anything is read.
/// </summary>
public interface IHistoryGrain : IGrainWithStringKey
{
    /// <summary>Stored events matching <paramref name="query"/>, ordered by time, then camera, then sequence.</summary>
    Task<HistoryPage<ActionEvent>> QueryAsync(HistoryQuery query);

    /// <summary>Label segments ending in the query's range, ordered by their first event's time, then camera.</summary>
    Task<HistoryPage<LabelSegment>> SegmentsAsync(HistoryQuery query);

    /// <summary>Seconds per label per camera for the cameras and range of <paramref name="query"/>, by camera then label.</summary>
    Task<HistoryPage<LabelTotal>> SummaryAsync(HistoryQuery query);

    /// <summary>Every camera with stored history, removed cameras included, in ordinal order.</summary>
    Task<string[]> CamerasAsync();

    /// <summary>Outages and lost windows recorded for the query's cameras and time range (by their end), earliest first.</summary>
    Task<HistoryPage<HistoryGap>> GapsAsync(HistoryQuery query);
}
