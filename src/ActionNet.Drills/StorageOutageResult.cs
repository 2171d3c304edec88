using ActionNet.Abstractions.Cameras;

namespace ActionNet.Drills;

/// <summary>What <see cref="StorageOutageDrill"/> measured.</summary>
public sealed record StorageOutageResult : IDrillResult
{
    /// <inheritdoc/>
    public string Drill => StorageOutageDrill.Name;

    /// <inheritdoc/>
    public string Fault => $"storage (Azurite) down for {Outage.TotalSeconds:F0} s";

    /// <summary>How long storage was down.</summary>
    public required TimeSpan Outage { get; init; }

    /// <summary>When storage was stopped (UTC).</summary>
    public required DateTimeOffset StoppedAt { get; init; }

    /// <summary>When storage was back (UTC).</summary>
    public required DateTimeOffset RestartedAt { get; init; }

    /// <summary>From storage's return until every label buffered during the outage was stored (the first label of a window captured after the return is in history).</summary>
    public required TimeSpan? RecoveryTime { get; init; }

    /// <summary>Per camera, the most labels seen waiting in memory during the outage.</summary>
    public required IReadOnlyDictionary<string, int> MaxBuffered { get; init; }

    /// <summary>The buffer bound the cameras reported (ActionNet:Aggregation:MaxBufferedEvents).</summary>
    public required int BufferLimit { get; init; }

    /// <summary>Per camera, the history error shown during the outage (null when none was shown).</summary>
    public required IReadOnlyDictionary<string, string?> HistoryErrorDuringOutage { get; init; }

    /// <summary>Per camera, windows dropped during the drill (dispatch could not hand them on).</summary>
    public required IReadOnlyDictionary<string, long> WindowsDropped { get; init; }

    /// <summary>Stored labels of windows that ended while storage was down (buffered, then written).</summary>
    public required int EventsDuringOutage { get; init; }

    /// <summary>Stored labels in all.</summary>
    public required int EventsStored { get; init; }

    /// <inheritdoc/>
    public required int Duplicates { get; init; }

    /// <summary>Sequence numbers missing from the stored history, per camera (only cameras with holes).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<long>> Holes { get; init; }

    /// <inheritdoc/>
    public required int Gaps { get; init; }

    /// <summary>Every camera's state at the end.</summary>
    public required IReadOnlyDictionary<string, CameraState> FinalStates { get; init; }

    /// <summary>Every camera's history error at the end (null: history is being written).</summary>
    public required IReadOnlyDictionary<string, string?> FinalHistoryErrors { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<string> Problems { get; init; }
}
