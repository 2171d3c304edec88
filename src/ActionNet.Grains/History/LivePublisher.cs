using ActionNet.Abstractions.Live;
using ActionNet.Storage;

namespace ActionNet.Grains.History;

/// <summary>
/// One camera's live events, in order, from its journaled records: every label, the segments it starts and ends
/// (per track, with the stored segments' boundaries through <see cref="LiveSegments"/>), and every gap. Sending
/// runs beside the recording, not in it: a stream queue on a silo that just died must not stall the camera, so
/// events wait in a queue bounded by <c>maxQueued</c> and past it the oldest are dropped and counted (they are
/// stored anyway). One sender at a time; the caller's scheduler (the grain's) runs it. A failed send loses
/// nothing stored, so it is reported once per outage rather than failing anything. Not thread-safe.
/// </summary>
public sealed class LivePublisher
{
    private readonly string cameraId;
    private readonly int maxQueued;
    private readonly Func<LiveEvent, Task> send;
    private readonly Queue<LiveEvent> queued = new();
    private LiveSegments? segments;
    private Task sending = Task.CompletedTask;
    private bool failing;

    /// <summary>Publishes camera <paramref name="cameraId"/>'s events through <paramref name="send"/>, holding at most <paramref name="maxQueued"/>.</summary>
    public LivePublisher(string cameraId, int maxQueued, Func<LiveEvent, Task> send)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueued);
        ArgumentNullException.ThrowIfNull(send);
        this.cameraId = cameraId;
        this.maxQueued = maxQueued;
        this.send = send;
    }

    /// <summary>Raised with the reason when sending starts failing (once per outage).</summary>
    public event Action<string>? Failing;

    /// <summary>Raised with <see cref="Dropped"/> when sending works again after failing.</summary>
    public event Action<long>? Recovered;

    /// <summary>Events dropped so far past the queue's bound.</summary>
    public long Dropped { get; private set; }

    /// <summary>Events waiting to be sent.</summary>
    public int Queued => queued.Count;

    /// <summary>The send in progress, or a completed task when idle.</summary>
    public Task Sending => sending;

    /// <summary>Follows segments from <paramref name="live"/> (where the stored segments and the journal stand).</summary>
    public void Start(LiveSegments live) => segments = live ?? throw new ArgumentNullException(nameof(live));

    /// <summary>Publishes the events of <paramref name="records"/>, journaled (persisted) just now, in order.</summary>
    public void Publish(IEnumerable<HistoryRecord> records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        var live = segments ?? throw new InvalidOperationException("the live publisher has not started: Start it with the camera's segments first");
        foreach (var record in records)
        {
            if (record.Gap is { } gap)
            {
                foreach (var ended in live.Gap())
                {
                    Enqueue(new LiveEvent { Kind = LiveEventKind.SegmentEnd, CameraId = cameraId, Segment = ended, PublishedAt = now });
                }

                Enqueue(new LiveEvent { Kind = LiveEventKind.Gap, CameraId = cameraId, Gap = gap, PublishedAt = now });
            }
            else if (record.Event is { } e)
            {
                var (closed, opened) = live.Add(e);
                foreach (var ended in closed)
                {
                    Enqueue(new LiveEvent { Kind = LiveEventKind.SegmentEnd, CameraId = cameraId, Segment = ended, PublishedAt = now });
                }

                if (opened is not null)
                {
                    Enqueue(new LiveEvent { Kind = LiveEventKind.SegmentStart, CameraId = cameraId, Segment = opened, PublishedAt = now });
                }

                Enqueue(new LiveEvent { Kind = LiveEventKind.Label, CameraId = cameraId, Event = e, PublishedAt = now });
            }
        }

        if (sending.IsCompleted)
        {
            sending = SendQueuedAsync();
        }
    }

    private void Enqueue(LiveEvent item)
    {
        if (queued.Count >= maxQueued)
        {
            queued.Dequeue();
            Dropped++;
        }

        queued.Enqueue(item);
    }

    private async Task SendQueuedAsync()
    {
        while (queued.TryDequeue(out var item))
        {
            try
            {
                await send(item);
                if (failing)
                {
                    Recovered?.Invoke(Dropped);
                }

                failing = false;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
            {
                if (!failing)
                {
                    Failing?.Invoke(e.Message);
                }

                failing = true;
            }
        }
    }
}
