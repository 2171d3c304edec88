namespace ActionNet.Abstractions.History;

/// <summary>
/// The query front of the label history, so clients need no storage credentials. A stateless worker
/// on every silo; key: any string (callers use "history").
/// </summary>
public interface IHistoryGrain : IGrainWithStringKey
{
    /// <summary>Stored events matching <paramref name="query"/>, ordered by time, then sequence.</summary>
    Task<ActionEvent[]> QueryAsync(HistoryQuery query);

    /// <summary>Seconds per label per camera for the cameras and range of <paramref name="query"/>.</summary>
    Task<LabelTotal[]> SummaryAsync(HistoryQuery query);

    /// <summary>Outages recorded for the query's cameras and time range (by their end), earliest first.</summary>
    Task<HistoryGap[]> GapsAsync(HistoryQuery query);
}
