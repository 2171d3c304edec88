namespace ActionNet.Drills;

/// <summary>What every drill reports, for a one-line summary: the fault, how long recovery took, duplicates, gaps and problems found.</summary>
public interface IDrillResult
{
    /// <summary>The drill's short name (silo, storage, stream, inputs, restart).</summary>
    string Drill { get; }

    /// <summary>The fault caused, in a few words.</summary>
    string Fault { get; }

    /// <summary>From the fault (or the end of a deliberate outage, see the drill) to the first new label persisted; null when not applicable.</summary>
    TimeSpan? RecoveryTime { get; }

    /// <summary>Stored (camera, sequence) lines that repeat one already stored.</summary>
    int Duplicates { get; }

    /// <summary>History gaps recorded during the drill, over all its cameras.</summary>
    int Gaps { get; }

    /// <summary>Acceptance criteria the drill saw broken, one line each; empty when it behaved.</summary>
    IReadOnlyList<string> Problems { get; }
}
