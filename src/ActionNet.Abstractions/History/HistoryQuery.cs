namespace ActionNet.Abstractions.History;

/// <summary>
/// Which stored records to read, one page at a time. A record matches when its end time lies in
/// [<see cref="From"/>, <see cref="To"/>) and it passes the label and confidence filters; pages continue
/// from <see cref="After"/>, the token the previous page returned. Checked by <see cref="HistoryQueryRules"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.history-query")]
public sealed record HistoryQuery
{
    /// <summary>Camera ids to read; empty: every camera with stored history.</summary>
    [Id(0)] public string[] Cameras { get; init; } = [];

    /// <summary>Inclusive lower bound on event time; null: from the beginning of the history.</summary>
    [Id(1)] public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on event time; null: a day past now.</summary>
    [Id(2)] public DateTimeOffset? To { get; init; }

    /// <summary>Only events with this label (ordinal match); null: any label.</summary>
    [Id(3)] public string? Label { get; init; }

    /// <summary>Only events with at least this confidence, 0 to 1.</summary>
    [Id(4)] public float MinConfidence { get; init; }

    /// <summary>Most records in one page, the earliest first; 1 to <see cref="HistoryQueryRules.MaxLimit"/>.</summary>
    [Id(5)] public int Limit { get; init; } = 1000;

    /// <summary>The continuation token of the previous page (<see cref="HistoryPage{T}.Next"/>); null: the first page.</summary>
    [Id(6)] public string? After { get; init; }

    /// <summary>Only records of this tracked person (person-mode cameras); null: every track and whole-frame labels.</summary>
    [Id(7)] public string? Track { get; init; }
}
