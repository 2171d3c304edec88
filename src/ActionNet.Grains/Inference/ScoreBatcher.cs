using System.Diagnostics;
using System.Threading.Channels;

namespace ActionNet.Grains.Inference;

/// <summary>
/// Collects items from many concurrent callers into batches of at most <see cref="MaxBatch"/>, waiting at
/// most <see cref="MaxWait"/> after a batch's first item for more, and runs one batch at a time on a
/// thread-pool thread (never on a grain scheduler). Each caller's task completes with its own result, or
/// with the batch's exception. At most <see cref="MaxQueued"/> items wait: past that the oldest waiting
/// item, whoever submitted it, fails with <see cref="ScorerOverloadedException"/>, so under overload every
/// caller loses the same fraction of its items (drops in proportion to demand) and waits are bounded.
/// Measures the time spent running batches, for utilisation and capacity.
/// </summary>
/// <typeparam name="TIn">What callers submit.</typeparam>
/// <typeparam name="TOut">What each caller gets back.</typeparam>
public sealed class ScoreBatcher<TIn, TOut> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> run;
    private readonly Channel<(TIn Item, TaskCompletionSource<TOut> Done)> pending;
    private readonly TimeProvider time;
    private readonly TimeSpan minTimePerItem;
    private readonly Task loop;
    private long batches;
    private long items;
    private long dropped;
    private long busyTicks;

    /// <summary>Starts the batching loop.</summary>
    /// <param name="run">Scores one batch; returns one result per item, in order. Called on a thread-pool thread, one batch at a time.</param>
    /// <param name="maxBatch">Most items per batch, at least 1.</param>
    /// <param name="maxWait">Longest wait after a batch's first item for more items.</param>
    /// <param name="maxQueued">Most items waiting for a batch, at least 1; the oldest is dropped past it.</param>
    /// <param name="minTimePerItem">
    /// When positive, a batch of n items is held until n times this has passed since it started: emulates a
    /// device of fixed capacity. Zero: off.
    /// </param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public ScoreBatcher(Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> run, int maxBatch, TimeSpan maxWait, int maxQueued = int.MaxValue, TimeSpan minTimePerItem = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueued);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minTimePerItem, TimeSpan.Zero);
        this.run = run;
        this.minTimePerItem = minTimePerItem;
        MaxBatch = maxBatch;
        MaxWait = maxWait;
        MaxQueued = maxQueued;
        this.time = time ?? TimeProvider.System;
        pending = maxQueued == int.MaxValue
            ? Channel.CreateUnbounded<(TIn, TaskCompletionSource<TOut>)>(new UnboundedChannelOptions { SingleReader = true })
            : Channel.CreateBounded<(TIn Item, TaskCompletionSource<TOut> Done)>(
                new BoundedChannelOptions(maxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
                drop =>
                {
                    Interlocked.Increment(ref dropped);
                    drop.Done.TrySetException(new ScorerOverloadedException(maxQueued));
                });
        loop = Task.Run(LoopAsync);
    }

    /// <summary>Most items per batch.</summary>
    public int MaxBatch { get; }

    /// <summary>Longest wait for a batch to fill.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>Most items waiting for a batch.</summary>
    public int MaxQueued { get; }

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Items run so far (scored or failed with their batch).</summary>
    public long Items => Interlocked.Read(ref items);

    /// <summary>Items waiting for a batch now (at most <see cref="MaxQueued"/>).</summary>
    public int Queued => pending.Reader.Count;

    /// <summary>Items dropped so far because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Time spent running batches (and holding them, when emulating a fixed-capacity device).</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref busyTicks));

    /// <summary>Queues <paramref name="item"/>; completes when its batch has run, or fails if it is dropped.</summary>
    public Task<TOut> SubmitAsync(TIn item)
    {
        var done = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((item, done)))
        {
            throw new ObjectDisposedException(nameof(ScoreBatcher<TIn, TOut>));
        }

        return done.Task;
    }

    /// <summary>Stops accepting items, runs what is queued, and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop;
    }

    private async Task LoopAsync()
    {
        var reader = pending.Reader;
        var batch = new List<(TIn Item, TaskCompletionSource<TOut> Done)>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            var deadline = time.GetTimestamp() + (long)(MaxWait.TotalSeconds * time.TimestampFrequency);
            while (batch.Count < MaxBatch)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }

                var left = time.GetElapsedTime(time.GetTimestamp(), deadline);
                if (batch.Count > 0 && left <= TimeSpan.Zero)
                {
                    break;
                }

                using var timeout = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
                try
                {
                    if (!await reader.WaitToReadAsync(timeout.Token))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                await RunAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task RunAsync(List<(TIn Item, TaskCompletionSource<TOut> Done)> batch)
    {
        Interlocked.Increment(ref batches);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<TOut>? results = null;
        Exception? failure = null;
        try
        {
            results = run([.. batch.Select(b => b.Item)]);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"a batch of {batch.Count} items returned {results.Count} results");
            }
        }
        catch (Exception e)
        {
            failure = e;
        }

        // The emulated device: the batch is not done before n x minTimePerItem has passed.
        var hold = (minTimePerItem * batch.Count) - Stopwatch.GetElapsedTime(started);
        if (hold > TimeSpan.Zero)
        {
            await Task.Delay(hold, time);
        }

        Interlocked.Add(ref busyTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Add(ref items, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (failure is null)
            {
                batch[i].Done.TrySetResult(results![i]);
            }
            else
            {
                batch[i].Done.TrySetException(failure);
            }
        }
    }
}
