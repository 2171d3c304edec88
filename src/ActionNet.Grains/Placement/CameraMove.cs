namespace ActionNet.Grains.Placement;

/// <summary>One camera the rebalancer moves: from the silo at address <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="From">The silo it runs on now.</param>
/// <param name="To">The silo it moves to.</param>
/// <param name="Reason">Why, for the log: "drain", "not allowed" or "balance".</param>
public sealed record CameraMove(string CameraId, string From, string To, string Reason);
