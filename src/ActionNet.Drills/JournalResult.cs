namespace ActionNet.Drills;

/// <summary>What <see cref="JournalDrill"/> measured.</summary>
public sealed record JournalResult : IDrillResult
{
    /// <inheritdoc/>
    public string Drill => JournalDrill.Name;

    /// <inheritdoc/>
    public string Fault => $"storage down, silo SIGKILLed {(KilledAt - StoppedAt).TotalSeconds:F0} s into the outage, restarted on the same journal";

    /// <summary>When storage was stopped (UTC).</summary>
    public required DateTimeOffset StoppedAt { get; init; }

    /// <summary>When the silo was killed (UTC).</summary>
    public required DateTimeOffset KilledAt { get; init; }

    /// <summary>When storage answered again (UTC).</summary>
    public required DateTimeOffset StorageBackAt { get; init; }

    /// <summary>When the restarted silo was up (UTC).</summary>
    public required DateTimeOffset RestartedAt { get; init; }

    /// <summary>From the restarted silo being up until every acknowledged label and a new one were stored.</summary>
    public required TimeSpan? RecoveryTime { get; init; }

    /// <summary>Per camera, the highest sequence the aggregator had acknowledged (journaled) before the kill.</summary>
    public required IReadOnlyDictionary<string, long> Acknowledged { get; init; }

    /// <summary>Per camera, the most labels seen waiting in the journal during the outage.</summary>
    public required IReadOnlyDictionary<string, int> MaxJournalDepth { get; init; }

    /// <summary>Acknowledged labels missing from storage and not recorded as lost windows.</summary>
    public required int Lost { get; init; }

    /// <summary>The lost sequences, per camera (only cameras with any).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<long>> LostSequences { get; init; }

    /// <summary>Windows recorded in history as lost, with a reason (refused while the journal was full).</summary>
    public required long LostRecorded { get; init; }

    /// <summary>Stored labels of the drill's cameras, duplicates included.</summary>
    public required int EventsStored { get; init; }

    /// <inheritdoc/>
    public required int Duplicates { get; init; }

    /// <inheritdoc/>
    public required int Gaps { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<string> Problems { get; init; }
}
