namespace ActionNet.Abstractions.History;

/// <summary>
/// A stretch of time in which a camera produced no label although it was registered: a silo dying, a
/// stream outage or a cluster restart. Recorded once, when the first window after the outage arrives, so
/// history shows the outage itself instead of leaving it unexplained. Key: camera id and <see cref="NextSequence"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.history-gap")]
public sealed record HistoryGap
{
    /// <summary>The camera.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>End of the last window stored before the gap (UTC).</summary>
    [Id(1)] public DateTimeOffset Start { get; init; }

    /// <summary>Start of the first window after the gap (UTC).</summary>
    [Id(2)] public DateTimeOffset End { get; init; }

    /// <summary>Sequence of the last window stored before the gap.</summary>
    [Id(3)] public long PreviousSequence { get; init; }

    /// <summary>Sequence of the first window after the gap.</summary>
    [Id(4)] public long NextSequence { get; init; }

    /// <summary>The silo that recorded the gap (where the camera resumed).</summary>
    [Id(5)] public string Silo { get; init; } = "";

    /// <summary>Why there are no labels: "no windows" (an outage) or why scored windows could not be kept.</summary>
    [Id(6)] public string Reason { get; init; } = "no windows";

    /// <summary>Windows that were scored but could not be kept (refused, e.g. a full journal); 0 for an outage.</summary>
    [Id(7)] public long LostWindows { get; init; }

    /// <summary>Length of the gap.</summary>
    public TimeSpan Duration => End - Start;
}
