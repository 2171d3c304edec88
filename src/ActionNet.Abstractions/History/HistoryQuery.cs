namespace ActionNet.Abstractions.History;

/// <summary>
/// Which stored events to read. An event matches when its <see cref="ActionEvent.End"/> lies in
/// [<see cref="From"/>, <see cref="To"/>) and it passes the label and confidence filters.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.history-query")]
public sealed record HistoryQuery
{
    /// <summary>Camera ids to read; empty: every camera with stored history.</summary>
    [Id(0)] public string[] Cameras { get; init; } = [];

    /// <summary>Inclusive lower bound on event time; null: from the beginning (the whole history is listed, so slower).</summary>
    [Id(1)] public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on event time; null: no bound (storage is searched up to a day past now).</summary>
    [Id(2)] public DateTimeOffset? To { get; init; }

    /// <summary>Only events with this label (ordinal match); null: any label.</summary>
    [Id(3)] public string? Label { get; init; }

    /// <summary>Only events with at least this confidence, 0 to 1.</summary>
    [Id(4)] public float MinConfidence { get; init; }

    /// <summary>Most events returned, the earliest first; at least 1.</summary>
    [Id(5)] public int Limit { get; init; } = 1000;
}
