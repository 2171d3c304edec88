namespace ActionNet.Cli.Benchmarks;

/// <summary>Live label events received by <paramref name="Subscribers"/> server-sent-event clients at once.</summary>
/// <param name="Subscribers">Connected subscribers.</param>
/// <param name="Events">Label events received, over all subscribers.</param>
/// <param name="P50Ms">Median time from an event being persisted (journaled, its <c>storedAt</c>) to a subscriber reading it.</param>
/// <param name="P99Ms">99th percentile of the same.</param>
/// <param name="MaxMs">The slowest.</param>
public sealed record SseFanOutResult(int Subscribers, int Events, double P50Ms, double P99Ms, double MaxMs);
