using ActionNet.Grains.Cameras;

namespace ActionNet.Grains.Tests;

public class DropOldestQueueTests
{
    [Fact]
    public async Task AFullQueueDropsTheOldestItemAndCountsIt()
    {
        var dropped = new List<int>();
        var queue = new DropOldestQueue<int>(capacity: 2, dropped.Add);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(queue.Write(i));
        }

        Assert.Equal(3, queue.Dropped);
        Assert.Equal([0, 1, 2], dropped);
        Assert.Equal(3, await queue.ReadAsync(CancellationToken.None));
        Assert.Equal(4, await queue.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ACompletedQueueAcceptsNothingAndEndsReaders()
    {
        var queue = new DropOldestQueue<int>(capacity: 4);
        queue.Complete();

        Assert.False(queue.Write(1));
        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () => await queue.ReadAsync(CancellationToken.None));
    }
}
