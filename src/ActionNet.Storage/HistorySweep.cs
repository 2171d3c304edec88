namespace ActionNet.Storage;

/// <summary>What one retention sweep of one camera removed.</summary>
/// <param name="Camera">The camera.</param>
/// <param name="Cutoff">Everything before this UTC hour was removed.</param>
/// <param name="RowsDeleted">Index rows deleted (segments, daily totals, gaps).</param>
/// <param name="BlobsDeleted">Event blobs deleted (hour blobs, and blobs of the earlier layout).</param>
public sealed record HistorySweep(string Camera, DateTimeOffset Cutoff, int RowsDeleted, int BlobsDeleted);
