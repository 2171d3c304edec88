namespace ActionNet.Cli.Benchmarks;

/// <summary>Nearest-rank percentiles of measured samples.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="p"/> (0..1) percentile of <paramref name="sorted"/> (ascending); 0 when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
