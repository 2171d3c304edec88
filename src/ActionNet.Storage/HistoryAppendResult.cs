namespace ActionNet.Storage;

/// <summary>What one append did: blobs created, and blobs that already existed from an earlier try.</summary>
public sealed record HistoryAppendResult(int BlobsCreated, int BlobsAlreadyPresent)
{
    /// <summary>Nothing to write.</summary>
    public static HistoryAppendResult None { get; } = new(0, 0);

    /// <summary>The sum of two results.</summary>
    public HistoryAppendResult Add(HistoryAppendResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(BlobsCreated + other.BlobsCreated, BlobsAlreadyPresent + other.BlobsAlreadyPresent);
    }
}
