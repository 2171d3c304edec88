namespace ActionNet.Storage;

/// <summary>
/// The silo's journal folder (<see cref="HistoryStorageOptions.JournalPath"/>): one journal file per
/// camera, all together bounded by <see cref="HistoryStorageOptions.JournalMaxMegabytes"/>. Thread-safe.
/// </summary>
public sealed class HistoryJournalDirectory
{
    private long usedBytes;
    private long pendingRecords;

    /// <summary>Uses (and creates) <paramref name="path"/>, holding at most <paramref name="maxBytes"/> bytes of journal.</summary>
    public HistoryJournalDirectory(string path, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Path = System.IO.Path.GetFullPath(path);
        MaxBytes = maxBytes;
        Directory.CreateDirectory(Path);
        usedBytes = Directory.EnumerateFiles(Path, "*" + HistoryJournal.Extension).Sum(f => new FileInfo(f).Length);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Most bytes all journals may hold.</summary>
    public long MaxBytes { get; }

    /// <summary>Bytes all journals hold now.</summary>
    public long UsedBytes => Interlocked.Read(ref usedBytes);

    /// <summary>
    /// Records (events and gaps) in the journals open on this silo that the store does not hold yet: acknowledged
    /// to the camera, waiting on disk (and nowhere else) for the next flush.
    /// </summary>
    public long PendingRecords => Interlocked.Read(ref pendingRecords);

    /// <summary>Cameras whose journal holds records (left by a silo that stopped before storing them).</summary>
    public IReadOnlyList<string> CamerasWithRecords() =>
        [.. Directory.EnumerateFiles(Path, "*" + HistoryJournal.Extension)
            .Where(f => new FileInfo(f).Length > 0)
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Opens the journal of <paramref name="camera"/>, exclusively: a second activation of the camera on
    /// this disk fails with an <see cref="IOException"/> until the first closes it.
    /// </summary>
    public HistoryJournal Open(string camera) => new(this, camera);

    internal bool TryReserve(long bytes)
    {
        while (true)
        {
            var used = Interlocked.Read(ref usedBytes);
            if (used + bytes > MaxBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref usedBytes, used + bytes, used) == used)
            {
                return true;
            }
        }
    }

    internal void Release(long bytes) => Interlocked.Add(ref usedBytes, -bytes);

    internal void AddPending(long records) => Interlocked.Add(ref pendingRecords, records);
}
