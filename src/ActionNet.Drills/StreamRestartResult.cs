using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;

namespace ActionNet.Drills;

/// <summary>What <see cref="StreamRestartDrill"/> measured.</summary>
public sealed record StreamRestartResult : IDrillResult
{
    /// <inheritdoc/>
    public string Drill => StreamRestartDrill.Name;

    /// <inheritdoc/>
    public string Fault => "RTSP server killed, restarted on the same port";

    /// <summary>When the server was killed (UTC).</summary>
    public required DateTimeOffset KilledAt { get; init; }

    /// <summary>From the kill until the camera's status showed it (state and error).</summary>
    public required TimeSpan Detection { get; init; }

    /// <summary>How long the server was down.</summary>
    public required TimeSpan Downtime { get; init; }

    /// <summary>From the kill to the first label of a window captured after the server returned being persisted.</summary>
    public required TimeSpan? RecoveryTime { get; init; }

    /// <summary>From the server's return to that label being persisted.</summary>
    public required TimeSpan AfterRestart { get; init; }

    /// <summary>The state the camera showed while the server was down.</summary>
    public required CameraState StateWhileDown { get; init; }

    /// <summary>The error the camera showed while the server was down.</summary>
    public required string? ErrorWhileDown { get; init; }

    /// <summary>The camera's status at the end.</summary>
    public required CameraStatus Final { get; init; }

    /// <summary>The password in the camera's URL (to check that it shows nowhere).</summary>
    public required string Password { get; init; }

    /// <summary>Stored labels of windows that ended before the kill.</summary>
    public required int EventsBefore { get; init; }

    /// <summary>Stored labels of windows that started after the server returned.</summary>
    public required int EventsAfter { get; init; }

    /// <inheritdoc/>
    public required int Duplicates { get; init; }

    /// <summary>Gaps recorded for the camera (the outage, once the first window after it arrived).</summary>
    public required IReadOnlyList<HistoryGap> GapRecords { get; init; }

    /// <inheritdoc/>
    public int Gaps => GapRecords.Count;

    /// <inheritdoc/>
    public required IReadOnlyList<string> Problems { get; init; }
}
