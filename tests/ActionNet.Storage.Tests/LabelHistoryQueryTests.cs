using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LabelHistoryQueryTests(AzuriteFixture azurite)
{
    private readonly LabelHistory history = new(azurite.CreateContainer());

    [Fact]
    public async Task WrittenEventsComeBackWhole()
    {
        var written = TestEvents.Event("lobby", 7, 3, "run", 0.75f);
        await history.AppendEventsAsync([written]);

        var read = Assert.Single(await history.QueryAsync(new HistoryQuery()));

        Assert.Equal(written.CameraId, read.CameraId);
        Assert.Equal(written.Sequence, read.Sequence);
        Assert.Equal(written.Start, read.Start);
        Assert.Equal(written.End, read.End);
        Assert.Equal(written.Label, read.Label);
        Assert.Equal(written.Confidence, read.Confidence);
        Assert.Equal(written.Probabilities, read.Probabilities);
        Assert.Equal(written.Labels, read.Labels);
        Assert.Equal(written.Model, read.Model);
        Assert.Equal(written.Silo, read.Silo);
    }

    [Fact]
    public async Task AQueryOfNoCamerasReadsEveryCameraOrderedByTimeThenSequence()
    {
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 4));
        await history.AppendEventsAsync(TestEvents.Range("dock", 2, 6));

        var events = await history.QueryAsync(new HistoryQuery());

        Assert.Equal(10, events.Count);
        Assert.Equal(["dock", "gate"], await history.ListCamerasAsync());
        Assert.Equal(events.OrderBy(e => e.End).ThenBy(e => e.CameraId, StringComparer.Ordinal).ThenBy(e => e.Sequence), events);
    }

    [Fact]
    public async Task ACameraFilterReadsOnlyThatCamera()
    {
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 4));
        await history.AppendEventsAsync(TestEvents.Range("gate-2", 0, 4));

        var events = await history.QueryAsync(new HistoryQuery { Cameras = ["gate"] });

        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.Equal("gate", e.CameraId));
    }

    [Fact]
    public async Task ATimeRangeIncludesItsStartAndExcludesItsEnd()
    {
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 20));

        var events = await history.QueryAsync(new HistoryQuery
        {
            From = TestEvents.Origin.AddSeconds(5),
            To = TestEvents.Origin.AddSeconds(10),
        });

        Assert.Equal([5L, 6, 7, 8, 9], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ARangeOverSeveralHoursFindsEventsInEachHourAndNoneOutside()
    {
        await history.AppendEventsAsync([
            TestEvents.Event("gate", 1, -3600 - 1),
            TestEvents.Event("gate", 2, 1),
            TestEvents.Event("gate", 3, 3600 + 1),
            TestEvents.Event("gate", 4, 7200 + 1),
            TestEvents.Event("gate", 5, 3 * 3600 + 1),
        ]);

        var events = await history.QueryAsync(new HistoryQuery { From = TestEvents.Origin, To = TestEvents.Origin.AddHours(3) });

        Assert.Equal([2L, 3, 4], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task LabelAndConfidenceFiltersCombine()
    {
        await history.AppendEventsAsync([
            TestEvents.Event("gate", 0, 0, "walk", 0.9f),
            TestEvents.Event("gate", 1, 1, "run", 0.9f),
            TestEvents.Event("gate", 2, 2, "walk", 0.4f),
            TestEvents.Event("gate", 3, 3, "walk", 0.6f),
        ]);

        var events = await history.QueryAsync(new HistoryQuery { Label = "walk", MinConfidence = 0.6f });

        Assert.Equal([0L, 3], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task TheLimitKeepsTheEarliestEvents()
    {
        await history.AppendEventsAsync(TestEvents.Range("gate", 0, 9));
        await history.AppendEventsAsync(TestEvents.Range("gate", 10, 19));
        await history.AppendEventsAsync(TestEvents.Range("dock", 0, 19));

        var events = await history.QueryAsync(new HistoryQuery { Limit = 4 });

        Assert.Equal([("dock", 0L), ("gate", 0L), ("dock", 1L), ("gate", 1L)], events.Select(e => (e.CameraId, e.Sequence)));
    }

    [Fact]
    public async Task AnEmptyOrMissingContainerHasNoHistory()
    {
        Assert.Empty(await history.QueryAsync(new HistoryQuery()));
        Assert.Empty(await history.ListCamerasAsync());
        Assert.Null(await history.GetLastSequenceAsync("gate"));
    }

    [Fact]
    public async Task SegmentsAreStoredAndQueriedApartFromEvents()
    {
        var segment = new LabelSegment
        {
            CameraId = "gate",
            Label = "run",
            Start = TestEvents.Origin,
            End = TestEvents.Origin.AddSeconds(12),
            FirstSequence = 0,
            LastSequence = 11,
            MeanConfidence = 0.8f,
        };
        await history.AppendSegmentsAsync([segment]);
        await history.AppendSegmentsAsync([segment]);

        Assert.Equal([segment], await history.QuerySegmentsAsync(new HistoryQuery { Cameras = ["gate"] }));
        Assert.Empty(await history.QuerySegmentsAsync(new HistoryQuery { Cameras = ["gate"], MinConfidence = 0.9f }));
        Assert.Empty(await history.QueryAsync(new HistoryQuery { Cameras = ["gate"] }));
    }

    [Fact]
    public async Task AnInvalidCameraInAQueryIsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => history.QueryAsync(new HistoryQuery { Cameras = ["../events"] }));
    }
}
