namespace ActionNet.Drills;

/// <summary>Every drill by its short name, in the order they are run when all are asked for.</summary>
public static class DrillCatalog
{
    /// <summary>The drills' short names, in run order.</summary>
    public static IReadOnlyList<string> Names { get; } = [SiloKillDrill.Name, StorageOutageDrill.Name, StreamRestartDrill.Name, BadInputsDrill.Name, ClusterRestartDrill.Name, JournalDrill.Name];

    /// <summary>Runs the drill named <paramref name="name"/> on a cluster of its own.</summary>
    /// <exception cref="ArgumentException">No drill has that name.</exception>
    public static async Task<IDrillResult> RunAsync(string name, DrillOptions options, CancellationToken cancellationToken = default) => name switch
    {
        SiloKillDrill.Name => await SiloKillDrill.RunAsync(options, cancellationToken),
        StorageOutageDrill.Name => await StorageOutageDrill.RunAsync(options, cancellationToken),
        StreamRestartDrill.Name => await StreamRestartDrill.RunAsync(options, cancellationToken),
        BadInputsDrill.Name => await BadInputsDrill.RunAsync(options, cancellationToken),
        ClusterRestartDrill.Name => await ClusterRestartDrill.RunAsync(options, cancellationToken),
        JournalDrill.Name => await JournalDrill.RunAsync(options, cancellationToken),
        _ => throw new ArgumentException($"unknown drill '{name}'; known drills: {string.Join(", ", Names)}", nameof(name)),
    };
}
