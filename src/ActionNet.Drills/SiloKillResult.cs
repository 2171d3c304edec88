using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Drills;

/// <summary>What <see cref="SiloKillDrill"/> measured.</summary>
public sealed record SiloKillResult : IDrillResult
{
    /// <inheritdoc/>
    public string Drill => SiloKillDrill.Name;

    /// <inheritdoc/>
    public string Fault => $"SIGKILL silo {KilledSilo} ({MovedCameras.Count} of {MovedCameras.Count + KeptCameras.Count} cameras on it)";

    /// <summary>The silo killed.</summary>
    public required string KilledSilo { get; init; }

    /// <summary>When it was killed (UTC).</summary>
    public required DateTimeOffset KilledAt { get; init; }

    /// <summary>Cameras that ran on the killed silo.</summary>
    public required IReadOnlyList<string> MovedCameras { get; init; }

    /// <summary>Cameras that ran on a surviving silo.</summary>
    public required IReadOnlyList<string> KeptCameras { get; init; }

    /// <summary>Per moved camera: from the kill to the first label of a window captured after it being persisted.</summary>
    public required IReadOnlyDictionary<string, TimeSpan> CameraRecovery { get; init; }

    /// <summary>The slowest moved camera's recovery.</summary>
    public TimeSpan? RecoveryTime => CameraRecovery.Count == 0 ? null : CameraRecovery.Values.Max();

    /// <summary>Per moved camera, the silo it resumed on.</summary>
    public required IReadOnlyDictionary<string, string> ResumedOn { get; init; }

    /// <summary>Stored events whose window ended before the kill.</summary>
    public required int EventsBefore { get; init; }

    /// <summary>Stored events whose window started after the kill.</summary>
    public required int EventsAfter { get; init; }

    /// <inheritdoc/>
    public required int Duplicates { get; init; }

    /// <summary>Sequence numbers missing from the stored history, per camera (only cameras with holes).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<long>> Holes { get; init; }

    /// <summary>Every gap recorded, over all cameras.</summary>
    public required IReadOnlyList<HistoryGap> GapRecords { get; init; }

    /// <inheritdoc/>
    public int Gaps => GapRecords.Count;

    /// <summary>Per kept camera: the longest time between consecutive labels around the kill (their interruption).</summary>
    public required IReadOnlyDictionary<string, TimeSpan> KeptLongestPause { get; init; }

    /// <summary>Every camera's state at the end.</summary>
    public required IReadOnlyDictionary<string, CameraState> FinalStates { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<string> Problems { get; init; }
}
