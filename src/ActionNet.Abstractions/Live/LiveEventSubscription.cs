using Orleans.Streams;

namespace ActionNet.Abstractions.Live;

/// <summary>
/// A consumer's subscriptions to the partitions of the event plane it needs (every partition, or those of the cameras
/// it watches): the one way clients (the API host, <c>actionnet watch</c>, the demo) listen. Dispose to leave.
/// </summary>
public sealed class LiveEventSubscription : IAsyncDisposable
{
    private readonly List<StreamSubscriptionHandle<LiveEvent>> handles;

    private LiveEventSubscription(List<StreamSubscriptionHandle<LiveEvent>> handles) => this.handles = handles;

    /// <summary>Partitions subscribed to.</summary>
    public int Partitions => handles.Count;

    /// <summary>
    /// Subscribes <paramref name="onNext"/> to the partitions of <paramref name="cameras"/> (every partition when empty);
    /// events of other cameras that share a partition arrive too, so filter by camera.
    /// </summary>
    public static async Task<LiveEventSubscription> SubscribeAsync(IStreamProvider provider, IReadOnlyCollection<string> cameras, Func<LiveEvent, Task> onNext)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(onNext);
        var partitions = cameras.Count == 0 ? Enumerable.Range(0, LiveEvents.Partitions) : cameras.Select(LiveEvents.PartitionOf).Distinct().Order();
        var handles = new List<StreamSubscriptionHandle<LiveEvent>>();
        try
        {
            foreach (var partition in partitions)
            {
                handles.Add(await provider.GetStream<LiveEvent>(LiveEvents.StreamOf(partition)).SubscribeAsync((e, _) => onNext(e)));
            }
        }
        catch
        {
            await new LiveEventSubscription(handles).DisposeAsync();
            throw;
        }

        return new LiveEventSubscription(handles);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var handle in handles)
        {
            await handle.UnsubscribeAsync();
        }

        handles.Clear();
    }
}
