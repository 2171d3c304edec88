using System.Threading.Channels;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A bounded queue between a camera's reader and its dispatcher: when full, writing drops the OLDEST
/// item (the newest windows are the most useful for live labels), hands it to the drop callback (to
/// return its buffers) and counts it. One writer, one reader.
/// </summary>
/// <typeparam name="T">The queued item.</typeparam>
public sealed class DropOldestQueue<T>
{
    private readonly Channel<T> channel;
    private readonly Action<T>? onDropped;
    private long dropped;

    /// <summary>Creates a queue of <paramref name="capacity"/> items.</summary>
    public DropOldestQueue(int capacity, Action<T>? onDropped = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.onDropped = onDropped;
        channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            item =>
            {
                Interlocked.Increment(ref dropped);
                this.onDropped?.Invoke(item);
            });
        Capacity = capacity;
    }

    /// <summary>Most items held.</summary>
    public int Capacity { get; }

    /// <summary>Items dropped so far because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Items waiting.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>Adds <paramref name="item"/>, dropping the oldest when full; false once completed.</summary>
    public bool Write(T item) => channel.Writer.TryWrite(item);

    /// <summary>Waits for the next item; throws <see cref="ChannelClosedException"/> once completed and empty.</summary>
    public ValueTask<T> ReadAsync(CancellationToken cancellationToken) => channel.Reader.ReadAsync(cancellationToken);

    /// <summary>Takes a waiting item without waiting.</summary>
    public bool TryRead(out T item) => channel.Reader.TryRead(out item!);

    /// <summary>Accepts no more items.</summary>
    public void Complete() => channel.Writer.TryComplete();
}
