using ActionNet.Abstractions.History;
using ActionNet.Storage;
using Orleans.Concurrency;

namespace ActionNet.Grains.History;

/// <summary>
/// The label history's query front (key: any, callers use "history"): a stateless worker on every silo,
/// so clients read history through the cluster and need no storage credentials. Each call answers one
/// page straight from the <see cref="LabelStore"/> index; nothing is held between calls.
/// </summary>
[StatelessWorker]
public sealed class HistoryGrain(LabelStore store) : Grain, IHistoryGrain
{
    /// <inheritdoc/>
    public Task<HistoryPage<ActionEvent>> QueryAsync(HistoryQuery query) => store.QueryAsync(query);

    /// <inheritdoc/>
    public Task<HistoryPage<LabelSegment>> SegmentsAsync(HistoryQuery query) => store.QuerySegmentsAsync(query);

    /// <inheritdoc/>
    public Task<HistoryPage<LabelTotal>> SummaryAsync(HistoryQuery query) => store.SummarizeAsync(query);

    /// <inheritdoc/>
    public async Task<string[]> CamerasAsync() => [.. (await store.ListCamerasAsync()).Select(c => c.Camera)];

    /// <inheritdoc/>
    public Task<HistoryPage<HistoryGap>> GapsAsync(HistoryQuery query) => store.QueryGapsAsync(query);
}
