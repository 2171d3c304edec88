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
}
