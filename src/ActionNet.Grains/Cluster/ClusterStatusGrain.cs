using ActionNet.Abstractions.Cluster;

namespace ActionNet.Grains.Cluster;

/// <summary>
/// Keeps each silo's latest <see cref="SiloReport"/> (key: 0) and sums the fresh ones; a silo silent for
/// more than <see cref="SilentAfter"/> is left out as gone. Reports live in memory only: silos report
/// every few seconds, so a re-activated grain is complete again within one interval.
/// </summary>
public sealed class ClusterStatusGrain(TimeProvider time) : Grain, IClusterStatusGrain
{
    /// <summary>How long a silo may stay silent before it is treated as gone.</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (SiloReport Report, DateTimeOffset ReceivedAt)> reports = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task ReportAsync(SiloReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        reports[report.Silo] = (report, time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<ClusterStatus> GetStatusAsync()
    {
        var now = time.GetUtcNow();
        foreach (var gone in reports.Where(r => now - r.Value.ReceivedAt > SilentAfter).Select(r => r.Key).ToArray())
        {
            reports.Remove(gone);
        }

        var silos = reports.Values.Select(r => r.Report).OrderBy(r => r.Silo, StringComparer.Ordinal).ToArray();
        return Task.FromResult(new ClusterStatus
        {
            Silos = silos,
            ActiveCameras = silos.Sum(s => s.ActiveCameras),
            WindowsPerSecond = silos.Sum(s => s.WindowsPerSecond),
            WindowsDropped = silos.Sum(s => s.WindowsDropped),
            GeneratedAt = now,
        });
    }
}
