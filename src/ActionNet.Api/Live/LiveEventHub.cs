using System.Collections.Concurrent;
using System.Threading.Channels;
using ActionNet.Abstractions.Live;
using Orleans.Streams;

namespace ActionNet.Api.Live;

/// <summary>
/// This host's subscription to every partition of the cluster's live-event plane (an API host is a client, so
/// no silo carries the fan-in), fanned out to every connected server-sent-events client. A client that reads too slowly loses its oldest events (counted in
/// <see cref="Subscriber.Dropped"/>), never anyone else's.
/// </summary>
public sealed partial class LiveEventHub(IClusterClient cluster, ILogger<LiveEventHub> logger) : BackgroundService
{
    /// <summary>Events a subscriber may have unread before its oldest are dropped.</summary>
    public const int SubscriberCapacity = 1024;

    private readonly ConcurrentDictionary<Subscriber, byte> subscribers = new();
    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the hub listens to the cluster.</summary>
    public Task Subscribed => subscribed.Task;

    /// <summary>Connected subscribers.</summary>
    public int Count => subscribers.Count;

    /// <summary>Adds a subscriber for the events <paramref name="filter"/> accepts; dispose it to leave.</summary>
    public Subscriber Subscribe(Func<LiveEvent, bool> filter)
    {
        var subscriber = new Subscriber(filter, this);
        subscribers[subscriber] = 0;
        return subscriber;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LiveEventSubscription? handle = null;
        while (handle is null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                handle = await LiveEventSubscription.SubscribeAsync(cluster.GetStreamProvider(LiveEvents.ProviderName), [], OnNextAsync);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
            {
                LogSubscribeFailed(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }

        subscribed.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: leave the stream below.
        }

        try
        {
            await handle!.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
        {
            // The cluster may be gone first; its subscription table forgets this host when it does.
        }
    }

    private Task OnNextAsync(LiveEvent item)
    {
        foreach (var subscriber in subscribers.Keys)
        {
            subscriber.Offer(item);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "live events: cannot subscribe to the cluster yet, retrying: {Reason}")]
    private partial void LogSubscribeFailed(string reason);

    /// <summary>One connected client's queue of events.</summary>
    public sealed class Subscriber : IDisposable
    {
        private readonly Func<LiveEvent, bool> filter;
        private readonly LiveEventHub hub;
        private readonly Channel<LiveEvent> queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        private long dropped;

        internal Subscriber(Func<LiveEvent, bool> filter, LiveEventHub hub)
        {
            this.filter = filter;
            this.hub = hub;
        }

        /// <summary>Events this subscriber lost by reading too slowly.</summary>
        public long Dropped => Interlocked.Read(ref dropped);

        /// <summary>The subscriber's events, as they arrive, until <paramref name="cancellationToken"/> fires.</summary>
        public IAsyncEnumerable<LiveEvent> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);

        /// <inheritdoc/>
        public void Dispose()
        {
            hub.subscribers.TryRemove(this, out _);
            queue.Writer.TryComplete();
        }

        internal void Offer(LiveEvent item)
        {
            if (!filter(item))
            {
                return;
            }

            if (queue.Reader.Count >= SubscriberCapacity)
            {
                Interlocked.Increment(ref dropped);
            }

            queue.Writer.TryWrite(item);
        }
    }
}
