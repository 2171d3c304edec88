using ActionNet.Abstractions.History;
using ActionNet.Grains.History;

namespace ActionNet.Grains.Tests;

public class HistoryWriteBufferTests
{
    private static ActionEvent Event(long sequence) => new() { CameraId = "cam", Sequence = sequence, Label = "walk" };

    [Fact]
    public void AnUnacknowledgedBatchIsRetriedUnchangedEvenWhenMoreEventsArrive()
    {
        var buffer = new HistoryWriteBuffer();
        buffer.Add(Event(0), null);
        buffer.Add(Event(1), new LabelSegment { CameraId = "cam", Label = "push", FirstSequence = 0, LastSequence = 0 });

        var first = buffer.NextBatch(maxEvents: 10)!.Value;
        buffer.Add(Event(2), null);
        var retry = buffer.NextBatch(maxEvents: 10)!.Value;

        Assert.Same(first.Events, retry.Events);
        Assert.Equal([0L, 1L], retry.Events.Select(e => e.Sequence));
        Assert.Single(retry.Segments);
        Assert.Equal(3, buffer.EventCount);
        Assert.Equal(1, buffer.SegmentCount);

        buffer.Acknowledge();
        var next = buffer.NextBatch(maxEvents: 10)!.Value;
        Assert.Equal([2L], next.Events.Select(e => e.Sequence));
        Assert.Empty(next.Segments);
        buffer.Acknowledge();
        Assert.Null(buffer.NextBatch(10));
        Assert.Equal(0, buffer.EventCount);
    }

    [Fact]
    public void ABatchIsStampedOnceWithItsStoreTimeAndARetryKeepsTheStamp()
    {
        var buffer = new HistoryWriteBuffer();
        buffer.Add(Event(0), null);
        var first = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);

        var batch = buffer.NextBatch(10, first)!.Value;
        var retry = buffer.NextBatch(10, first.AddSeconds(30))!.Value;

        Assert.Equal(first, Assert.Single(batch.Events).StoredAt);
        Assert.Equal(first, Assert.Single(retry.Events).StoredAt);
    }

    [Fact]
    public void BatchesTakeTheOldestEventsUpToTheLimit()
    {
        var buffer = new HistoryWriteBuffer();
        for (var i = 0; i < 5; i++)
        {
            buffer.Add(Event(i), null);
        }

        Assert.Equal([0L, 1L], buffer.NextBatch(2)!.Value.Events.Select(e => e.Sequence));
        buffer.Acknowledge();
        Assert.Equal([2L, 3L], buffer.NextBatch(2)!.Value.Events.Select(e => e.Sequence));
    }
}
