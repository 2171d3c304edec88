using ActionNet.Abstractions.Cameras;

namespace ActionNet.Drills;

/// <summary>What <see cref="ClusterRestartDrill"/> measured.</summary>
public sealed record ClusterRestartResult : IDrillResult
{
    /// <inheritdoc/>
    public string Drill => ClusterRestartDrill.Name;

    /// <inheritdoc/>
    public string Fault => $"every silo stopped (SIGTERM), {Silos} started again";

    /// <summary>Silos stopped and started.</summary>
    public required int Silos { get; init; }

    /// <summary>How long the graceful stop of every silo took.</summary>
    public required TimeSpan StopTime { get; init; }

    /// <summary>From the new silos being up to the last camera's first new label persisted (nobody re-registered anything).</summary>
    public required TimeSpan? RecoveryTime { get; init; }

    /// <summary>Per camera: from the new silos being up to its first new label persisted.</summary>
    public required IReadOnlyDictionary<string, TimeSpan> CameraRecovery { get; init; }

    /// <summary>The cameras the registry lists after the restart.</summary>
    public required IReadOnlyList<string> Registered { get; init; }

    /// <summary>The cameras registered before the stop.</summary>
    public required IReadOnlyList<string> Cameras { get; init; }

    /// <summary>Stored labels from before the stop.</summary>
    public required int EventsBefore { get; init; }

    /// <summary>Stored labels from after the restart.</summary>
    public required int EventsAfter { get; init; }

    /// <inheritdoc/>
    public required int Duplicates { get; init; }

    /// <summary>Sequence numbers missing from the stored history, per camera (only cameras with holes).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<long>> Holes { get; init; }

    /// <inheritdoc/>
    public required int Gaps { get; init; }

    /// <summary>Every camera's state at the end.</summary>
    public required IReadOnlyDictionary<string, CameraState> FinalStates { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<string> Problems { get; init; }
}
