namespace ActionNet.Drills;

/// <summary>What <see cref="BadInputsDrill"/> measured.</summary>
public sealed record BadInputsResult : IDrillResult
{
    /// <inheritdoc/>
    public string Drill => BadInputsDrill.Name;

    /// <inheritdoc/>
    public string Fault => $"{Outcomes.Count} bad or unusual inputs beside a healthy camera";

    /// <summary>Not a recovery drill: always null.</summary>
    public TimeSpan? RecoveryTime => null;

    /// <summary>Each bad camera's end state.</summary>
    public required IReadOnlyList<BadInputOutcome> Outcomes { get; init; }

    /// <summary>Labels the healthy camera stored while the bad ones were registered and failing.</summary>
    public required int HealthyEvents { get; init; }

    /// <summary>The healthy camera's longest time between consecutive labels over the drill.</summary>
    public required TimeSpan HealthyLongestPause { get; init; }

    /// <summary>Gaps recorded for the healthy camera.</summary>
    public required int HealthyGaps { get; init; }

    /// <summary>Whether every silo process was still running at the end (no crash).</summary>
    public required bool SilosRunning { get; init; }

    /// <inheritdoc/>
    public required int Duplicates { get; init; }

    /// <inheritdoc/>
    public required int Gaps { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<string> Problems { get; init; }
}
