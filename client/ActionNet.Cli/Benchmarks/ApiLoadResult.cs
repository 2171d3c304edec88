namespace ActionNet.Cli.Benchmarks;

/// <summary>One route under load from <paramref name="Clients"/> concurrent clients for <paramref name="Seconds"/>.</summary>
/// <param name="Clients">Concurrent clients, each sending its next request when the last is answered.</param>
/// <param name="Requests">Requests answered with 200.</param>
/// <param name="Failures">Requests answered otherwise.</param>
/// <param name="Seconds">Measured time.</param>
/// <param name="RequestsPerSecond">Answered requests a second.</param>
/// <param name="P50Ms">Median time from request to the whole answer read.</param>
/// <param name="P99Ms">99th percentile of the same.</param>
/// <param name="FirstFailure">The status and body of the first failed request, or null.</param>
public sealed record ApiLoadResult(int Clients, int Requests, int Failures, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, string? FirstFailure);
