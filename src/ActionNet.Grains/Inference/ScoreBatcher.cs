using System.Threading.Channels;

namespace ActionNet.Grains.Inference;

/// <summary>
/// Collects items from many concurrent callers into batches of at most <c>maxBatch</c>, waiting at most
/// <c>maxWait</c> after a batch's first item for more, and runs one batch at a time on a thread-pool
/// thread (never on a grain scheduler). Each caller's task completes with its own result, or with the
/// batch's exception.
/// </summary>
/// <typeparam name="TIn">What callers submit.</typeparam>
/// <typeparam name="TOut">What each caller gets back.</typeparam>
public sealed class ScoreBatcher<TIn, TOut> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> run;
    private readonly Channel<(TIn Item, TaskCompletionSource<TOut> Done)> pending = Channel.CreateUnbounded<(TIn, TaskCompletionSource<TOut>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider time;
    private readonly Task loop;
    private long batches;

    /// <summary>Starts the batching loop.</summary>
    /// <param name="run">Scores one batch; returns one result per item, in order. Called on a thread-pool thread, one batch at a time.</param>
    /// <param name="maxBatch">Most items per batch, at least 1.</param>
    /// <param name="maxWait">Longest wait after a batch's first item for more items.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public ScoreBatcher(Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> run, int maxBatch, TimeSpan maxWait, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        this.run = run;
        MaxBatch = maxBatch;
        MaxWait = maxWait;
        this.time = time ?? TimeProvider.System;
        loop = Task.Run(LoopAsync);
    }

    /// <summary>Most items per batch.</summary>
    public int MaxBatch { get; }

    /// <summary>Longest wait for a batch to fill.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Queues <paramref name="item"/>; completes when its batch has run.</summary>
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
                Run(batch);
                batch.Clear();
            }
        }
    }

    private void Run(List<(TIn Item, TaskCompletionSource<TOut> Done)> batch)
    {
        Interlocked.Increment(ref batches);
        try
        {
            var results = run([.. batch.Select(b => b.Item)]);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"a batch of {batch.Count} items returned {results.Count} results");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            foreach (var (_, done) in batch)
            {
                done.TrySetException(e);
            }
        }
    }
}
