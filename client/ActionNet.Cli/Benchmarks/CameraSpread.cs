namespace ActionNet.Cli.Benchmarks;

/// <summary>The fewest and the most cameras running on one silo.</summary>
/// <param name="Min">Fewest.</param>
/// <param name="Max">Most.</param>
public sealed record CameraSpread(int Min, int Max);
