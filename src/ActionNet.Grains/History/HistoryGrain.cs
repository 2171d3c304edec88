using ActionNet.Abstractions.History;
using ActionNet.Storage;
using Orleans.Concurrency;

namespace ActionNet.Grains.History;

/// <summary>
/// The label history's query front (key: any, callers use "history"): a stateless worker on every silo,
/// so clients read history through the cluster and need no storage credentials.
/// </summary>
[StatelessWorker]
public sealed class HistoryGrain(LabelHistory history) : Grain, IHistoryGrain
{
    /// <inheritdoc/>
    public async Task<ActionEvent[]> QueryAsync(HistoryQuery query) => [.. await history.QueryAsync(query)];

    /// <inheritdoc/>
    public async Task<LabelTotal[]> SummaryAsync(HistoryQuery query) => [.. await history.SummarizeAsync(query)];

    /// <inheritdoc/>
    public async Task<HistoryGap[]> GapsAsync(HistoryQuery query) => [.. await history.QueryGapsAsync(query)];
}
