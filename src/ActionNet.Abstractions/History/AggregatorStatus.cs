namespace ActionNet.Abstractions.History;

/// <summary>
/// A snapshot of one camera's aggregator (key: camera id), from <see cref="IAggregatorGrain.GetStatusAsync"/>.
/// Recorded windows are in the local journal on disk until they are stored; while storage is away the
/// journal grows, and when it is full new windows are refused and counted.
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

    /// <summary>Events in the journal waiting to be written to storage.</summary>
    [Id(3)] public int BufferedEvents { get; init; }

    /// <summary>Closed segments waiting to be written.</summary>
    [Id(4)] public int BufferedSegments { get; init; }

    /// <summary>Most events the journal may hold for this camera before new windows are refused (from the journal's size limit).</summary>
    [Id(5)] public int BufferLimit { get; init; }

    /// <summary>The last storage error as one line; null once a write succeeds.</summary>
    [Id(6)] public string? LastError { get; init; }

    /// <summary>The silo the aggregator runs on.</summary>
    [Id(7)] public string Silo { get; init; } = "";

    /// <summary>Bytes of this camera's journal not yet stored.</summary>
    [Id(8)] public long JournalBytes { get; init; }

    /// <summary>End time of the oldest journaled event not yet stored; null when the journal is empty.</summary>
    [Id(9)] public DateTimeOffset? JournalOldest { get; init; }

    /// <summary>Windows refused since activation because the journal was full (each recorded as lost in history).</summary>
    [Id(10)] public long RefusedWindows { get; init; }

    /// <summary>The journal file on the silo's disk.</summary>
    [Id(11)] public string JournalPath { get; init; } = "";
}
