namespace ActionNet.Cli.Benchmarks;

/// <summary>What one history query cost, measured against real Azurite.</summary>
/// <param name="Query">timeline (one camera, 24 h of segments), label (a label with a minimum confidence across the cameras, first page) or summary.</param>
/// <param name="Cameras">Cameras the query covers.</param>
/// <param name="Days">Days the query covers.</param>
/// <param name="StorageCalls">Requests sent to storage (blob and table, pages included).</param>
/// <param name="BytesRead">Response bytes read.</param>
/// <param name="Ms">Wall time.</param>
/// <param name="Rows">Records returned.</param>
public sealed record HistoryQueryCost(string Query, int Cameras, int Days, long StorageCalls, long BytesRead, double Ms, int Rows);
