namespace ActionNet.Abstractions.History;

/// <summary>
/// A snapshot of one camera's aggregator (key: camera id), from <see cref="IAggregatorGrain.GetStatusAsync"/>.
/// Buffered records are held in memory while storage is unavailable and written when it returns.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.aggregator-status")]
public sealed record AggregatorStatus
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>Highest window sequence known to be stored; -1 when none.</summary>
    [Id(1)] public long StoredSequence { get; init; } = -1;

    /// <summary>Highest window sequence recorded (stored or buffered); -1 when none.</summary>
    [Id(2)] public long RecordedSequence { get; init; } = -1;

    /// <summary>Events waiting to be written.</summary>
    [Id(3)] public int BufferedEvents { get; init; }

    /// <summary>Closed segments waiting to be written.</summary>
    [Id(4)] public int BufferedSegments { get; init; }

    /// <summary>Most events held before new windows are refused.</summary>
    [Id(5)] public int BufferLimit { get; init; }

    /// <summary>The last storage error as one line; null once a write succeeds.</summary>
    [Id(6)] public string? LastError { get; init; }

    /// <summary>The silo the aggregator runs on.</summary>
    [Id(7)] public string Silo { get; init; } = "";
}
