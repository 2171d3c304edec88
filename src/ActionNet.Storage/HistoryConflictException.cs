namespace ActionNet.Storage;

/// <summary>
/// Different content already sits where a writer meant to append (same blob, same position): a real
/// conflict between two writers, never taken for "already stored".
/// </summary>
public sealed class HistoryConflictException(string blob, long position, string detail)
    : Exception($"history blob '{blob}' already holds different content at byte {position}: {detail}")
{
    /// <summary>The blob name.</summary>
    public string Blob { get; } = blob;

    /// <summary>The append position where the contents differ.</summary>
    public long Position { get; } = position;
}
