namespace ActionNet.Abstractions.History;

/// <summary>
/// One page of a history query: at most <see cref="HistoryQuery.Limit"/> records, earliest first, and the
/// token that continues after the last of them.
/// </summary>
/// <typeparam name="T">The record: <see cref="ActionEvent"/>, <see cref="LabelSegment"/>, <see cref="LabelTotal"/> or <see cref="HistoryGap"/>.</typeparam>
[GenerateSerializer, Immutable, Alias("actionnet.history-page`1")]
public sealed record HistoryPage<T>
{
    /// <summary>The page's records.</summary>
    [Id(0)] public T[] Items { get; init; } = [];

    /// <summary>Pass as <see cref="HistoryQuery.After"/> for the next page; null when this page is the last.</summary>
    [Id(1)] public string? Next { get; init; }
}
