using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActionNet.Abstractions.Cameras;
using Microsoft.Win32.SafeHandles;

namespace ActionNet.Storage;

/// <summary>
/// One camera's write-ahead journal on local disk: every recorded window is appended as one JSON line and
/// flushed to disk before it is acknowledged, and stays until the store holds it. Reopening the file (a
/// restarted silo on the same disk) replays what is left; a torn last line from a crash is cut off. When
/// everything is stored the file is emptied, and the highest sequence ever journaled is kept beside it so
/// a new activation never reuses a number. Not thread-safe (one aggregator owns it).
/// </summary>
public sealed class HistoryJournal : IDisposable
{
    /// <summary>The journal file extension.</summary>
    public const string Extension = ".journal";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly HistoryJournalDirectory directory;
    private readonly SafeFileHandle handle;
    private readonly string sequencePath;
    private long length;
    private long cursor;
    private int depth;
    private bool disposed;

    internal HistoryJournal(HistoryJournalDirectory directory, string camera)
    {
        this.directory = directory;
        Camera = CameraIds.Validate(camera);
        FilePath = Path.Combine(directory.Path, camera + Extension);
        sequencePath = Path.Combine(directory.Path, camera + ".sequence");
        handle = File.OpenHandle(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (File.Exists(sequencePath) && long.TryParse(File.ReadAllText(sequencePath).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var kept))
        {
            HighestSequence = kept;
        }

        Recover();
    }

    /// <summary>The camera.</summary>
    public string Camera { get; }

    /// <summary>The journal file.</summary>
    public string FilePath { get; }

    /// <summary>Records not yet acknowledged as stored (also counted in <see cref="HistoryJournalDirectory.PendingRecords"/> while open).</summary>
    public int Depth
    {
        get => depth;
        private set
        {
            directory.AddPending(value - depth);
            depth = value;
        }
    }

    /// <summary>Bytes not yet acknowledged as stored.</summary>
    public long PendingBytes => length - cursor;

    /// <summary>Time of the oldest record not yet stored; null when none.</summary>
    public DateTimeOffset? Oldest { get; private set; }

    /// <summary>Highest sequence ever journaled for the camera on this disk; null when none.</summary>
    public long? HighestSequence { get; private set; }

    /// <summary>End of the newest journaled event; null when none since the file was last emptied.</summary>
    public DateTimeOffset? LastEnd { get; private set; }

    /// <summary>
    /// Appends <paramref name="record"/> and flushes it to disk. False (nothing written) when the journal
    /// folder is at its size limit.
    /// </summary>
    public bool TryAppend(HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Serialize(record);
        if (!directory.TryReserve(line.Length))
        {
            return false;
        }

        RandomAccess.Write(handle, line, length);
        RandomAccess.FlushToDisk(handle);
        length += line.Length;
        Depth++;
        Oldest ??= record.Time;
        HighestSequence = Math.Max(HighestSequence ?? -1, record.Sequence);
        LastEnd = record.Event?.End ?? LastEnd;
        return true;
    }

    /// <summary>Up to <paramref name="max"/> of the oldest records not yet stored, and the position just after them.</summary>
    public (IReadOnlyList<HistoryRecord> Records, long End) ReadPending(int max)
    {
        var records = new List<HistoryRecord>();
        var position = cursor;
        var buffer = new byte[256 * 1024];
        while (records.Count < max && position < length)
        {
            var read = RandomAccess.Read(handle, buffer, position);
            var consumed = 0;
            foreach (var line in JsonLines.Lines(buffer.AsMemory(0, read)))
            {
                if (records.Count == max)
                {
                    break;
                }

                consumed += line.Length + 1;
                if (line.Length > 0)
                {
                    records.Add(JsonSerializer.Deserialize<HistoryRecord>(line.Span, Json)!);
                }
            }

            if (consumed == 0)
            {
                buffer = new byte[buffer.Length * 2];
                continue;
            }

            position += consumed;
        }

        return (records, position);
    }

    /// <summary>The records up to <paramref name="end"/> (from <see cref="ReadPending"/>) are stored; empties the file once all are.</summary>
    public void Acknowledge(long end, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end, cursor);
        cursor = end;
        Depth -= count;
        if (cursor >= length)
        {
            // The highest number goes to its own file first, so emptying the journal never forgets it.
            File.WriteAllText(sequencePath, (HighestSequence ?? -1).ToString(CultureInfo.InvariantCulture));
            RandomAccess.SetLength(handle, 0);
            RandomAccess.FlushToDisk(handle);
            directory.Release(length);
            length = cursor = 0;
            Depth = 0;
            Oldest = null;
            return;
        }

        Oldest = ReadPending(1).Records is [var next, ..] ? next.Time : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        // The records stay in the file for the next activation; they no longer wait on this one.
        disposed = true;
        directory.AddPending(-depth);
        handle.Dispose();
    }

    private static byte[] Serialize(HistoryRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    // Reads the whole file once: counts records, finds the newest, and cuts a torn last line.
    private void Recover()
    {
        var size = RandomAccess.GetLength(handle);
        var good = 0L;
        var buffer = new byte[256 * 1024];
        var position = 0L;
        while (position < size)
        {
            var read = RandomAccess.Read(handle, buffer, position);
            if (read == 0)
            {
                break;
            }

            var consumed = 0;
            foreach (var line in JsonLines.Lines(buffer.AsMemory(0, read)))
            {
                HistoryRecord? record = null;
                try
                {
                    record = line.Length == 0 ? null : JsonSerializer.Deserialize<HistoryRecord>(line.Span, Json);
                }
                catch (JsonException)
                {
                    size = position + consumed;
                    break;
                }

                consumed += line.Length + 1;
                if (record is not null)
                {
                    Depth++;
                    Oldest ??= record.Time;
                    HighestSequence = Math.Max(HighestSequence ?? -1, record.Sequence);
                    LastEnd = record.Event?.End ?? LastEnd;
                }
            }

            if (consumed == 0)
            {
                if (read < buffer.Length)
                {
                    break;
                }

                buffer = new byte[buffer.Length * 2];
                continue;
            }

            position += consumed;
            good = position;
        }

        if (good < RandomAccess.GetLength(handle))
        {
            directory.Release(RandomAccess.GetLength(handle) - good);
            RandomAccess.SetLength(handle, good);
        }

        length = good;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FilePath}: {Depth} record(s), {PendingBytes} byte(s)");
}
