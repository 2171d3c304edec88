using System.Collections.Concurrent;
using ActionNet.Grains.Inference;

namespace ActionNet.Grains.Tests;

public class ScoreBatcherTests
{
    [Fact]
    public async Task ConcurrentCallersShareOneBatchAndGetTheirOwnResults()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var batcher = new ScoreBatcher<int, int>(
            items =>
            {
                sizes.Enqueue(items.Count);
                return [.. items.Select(i => i * 10)];
            },
            maxBatch: 8,
            maxWait: TimeSpan.FromSeconds(5));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(batcher.SubmitAsync));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * 10), results);
        Assert.Equal([8], sizes);
    }

    [Fact]
    public async Task BatchesNeverExceedMaxBatch()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var batcher = new ScoreBatcher<int, int>(
            items =>
            {
                sizes.Enqueue(items.Count);
                return items;
            },
            maxBatch: 3,
            maxWait: TimeSpan.FromMilliseconds(200));

        var results = await Task.WhenAll(Enumerable.Range(0, 7).Select(batcher.SubmitAsync));

        Assert.Equal(Enumerable.Range(0, 7), results);
        Assert.All(sizes, size => Assert.InRange(size, 1, 3));
        Assert.Equal(7, sizes.Sum());
    }

    [Fact]
    public async Task ALoneItemRunsAfterTheWaitInsteadOfWaitingForCompany()
    {
        await using var batcher = new ScoreBatcher<int, int>(items => items, maxBatch: 8, maxWait: TimeSpan.FromMilliseconds(20));

        var result = await batcher.SubmitAsync(42).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(42, result);
        Assert.Equal(1, batcher.Batches);
    }

    [Fact]
    public async Task AFailingBatchFailsEveryCallerInIt()
    {
        await using var batcher = new ScoreBatcher<int, int>(_ => throw new InvalidOperationException("model broke"), maxBatch: 4, maxWait: TimeSpan.FromSeconds(5));

        var calls = Enumerable.Range(0, 4).Select(batcher.SubmitAsync).ToArray();

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
            Assert.Equal("model broke", error.Message);
        }
    }

    [Fact]
    public async Task AFullQueueDropsTheOldestWaitingItemWhoeverSubmittedItSoEveryCallerLosesTheSameShare()
    {
        using var gate = new ManualResetEventSlim(false);
        var inModel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var batcher = new ScoreBatcher<string, string>(
            items =>
            {
                inModel.TrySetResult();
                gate.Wait();
                return items;
            },
            maxBatch: 1,
            maxWait: TimeSpan.Zero,
            maxQueued: 4);

        // The first item blocks the model (once it is there, not after a guessed delay: on a loaded machine it
        // may not have left the queue yet); then two callers interleave 8 items each into a queue of 4.
        var running = batcher.SubmitAsync("first");
        await inModel.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var submitted = Enumerable.Range(0, 8).SelectMany(i => new[] { ("a", batcher.SubmitAsync($"a{i}")), ("b", batcher.SubmitAsync($"b{i}")) }).ToArray();
        gate.Set();
        await running;
        await Task.WhenAll(submitted.Select(s => s.Item2).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        var dropped = submitted.Where(s => s.Item2.IsFaulted).ToArray();
        Assert.Equal(12, dropped.Length);
        Assert.All(dropped, d => Assert.IsType<ScorerOverloadedException>(d.Item2.Exception!.InnerException));
        Assert.Equal(6, dropped.Count(d => d.Item1 == "a"));
        Assert.Equal(6, dropped.Count(d => d.Item1 == "b"));
        Assert.Equal(12, batcher.Dropped);
        Assert.Equal(["a6", "b6", "a7", "b7"], submitted.Where(s => s.Item2.IsCompletedSuccessfully).Select(s => s.Item2.Result));
    }

    [Fact]
    public async Task AnEmulatedFixedCapacityDeviceHoldsEachBatchForItsTimePerItemAndCountsItAsBusy()
    {
        await using var batcher = new ScoreBatcher<int, int>(items => items, maxBatch: 4, maxWait: TimeSpan.Zero, minTimePerItem: TimeSpan.FromMilliseconds(50));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(batcher.SubmitAsync));

        // However the four items were batched, the device was busy 4 x 50 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(190), $"finished after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.True(batcher.Busy >= TimeSpan.FromMilliseconds(190), $"busy {batcher.Busy.TotalMilliseconds} ms");
        Assert.Equal(4, batcher.Items);
    }
}
