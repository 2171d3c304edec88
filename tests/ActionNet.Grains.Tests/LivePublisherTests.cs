using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Grains.History;
using ActionNet.Storage;

namespace ActionNet.Grains.Tests;

/// <summary>How an aggregator turns journaled records into live events, in order, and survives a stream that fails.</summary>
public sealed class LivePublisherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static HistoryRecord Label(long sequence, string label, string? track = null) => new()
    {
        Event = new ActionEvent { CameraId = "cam", Sequence = sequence, Start = T0.AddSeconds(sequence), End = T0.AddSeconds(sequence + 1), Label = label, Confidence = 0.9f, TrackId = track },
    };

    private static LivePublisher Started(Func<LiveEvent, Task> send, int maxQueued = 100)
    {
        var publisher = new LivePublisher("cam", maxQueued, send);
        publisher.Start(LiveSegments.Start("cam", null, []));
        return publisher;
    }

    [Fact]
    public async Task EventsGoOutInOrderWithSegmentBoundariesPerTrack()
    {
        var sent = new List<LiveEvent>();
        var publisher = Started(e =>
        {
            sent.Add(e);
            return Task.CompletedTask;
        });

        publisher.Publish([Label(0, "walk", "0"), Label(1, "run", "1"), Label(2, "fall_floor", "0")], T0);
        publisher.Publish([new HistoryRecord { Gap = new HistoryGap { CameraId = "cam", Start = T0.AddSeconds(3), End = T0.AddSeconds(20), NextSequence = 3 } }], T0);
        await publisher.Sending;

        Assert.Equal(
            [
                "SegmentStart 0 walk", "Label 0 walk", "SegmentStart 1 run", "Label 1 run",
                "SegmentEnd 0 walk", "SegmentStart 0 fall_floor", "Label 0 fall_floor",
                "SegmentEnd 1 run", "SegmentEnd 0 fall_floor", "Gap  ",
            ],
            sent.Select(e => $"{e.Kind} {e.TrackId} {e.Label}"));
    }

    [Fact]
    public async Task AFailingStreamIsReportedOnceAndTheQueueStaysBounded()
    {
        var failing = true;
        var reports = new List<string>();
        var attempts = 0;
        var publisher = Started(
            e =>
            {
                attempts++;
                return failing ? Task.FromException(new TimeoutException("queue silo gone")) : Task.CompletedTask;
            },
            maxQueued: 4);
        publisher.Failing += reason => reports.Add(reason);
        long? recovered = null;
        publisher.Recovered += dropped => recovered = dropped;

        publisher.Publish([Label(0, "walk"), Label(1, "walk")], T0);
        await publisher.Sending;
        failing = false;
        publisher.Publish([Label(2, "walk")], T0);
        await publisher.Sending;

        Assert.Equal(["queue silo gone"], reports);
        Assert.Equal(4, attempts);
        Assert.Equal(0, recovered);
        Assert.Equal(0, publisher.Queued);
    }

    [Fact]
    public void PastItsBoundTheOldestWaitingEventsAreDroppedAndCounted()
    {
        var never = new TaskCompletionSource();
        var publisher = Started(_ => never.Task, maxQueued: 3);

        publisher.Publish([Label(0, "walk"), Label(1, "walk"), Label(2, "walk"), Label(3, "walk")], T0);

        // Five events (a segment start and four labels) met a bound of three: the two oldest were dropped, the
        // oldest kept one is being sent and two wait.
        Assert.Equal(2, publisher.Dropped);
        Assert.Equal(2, publisher.Queued);
    }
}
