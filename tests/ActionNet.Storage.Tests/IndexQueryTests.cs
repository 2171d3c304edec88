using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

/// <summary>
/// Every index query (events, segments, summary, gaps) returns exactly what a full scan of the generated
/// history returns, page after page with small pages, for open, partial-day and whole-day ranges and
/// with label and confidence filters.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndexQueryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Open = int.MinValue;
    private static readonly DateTimeOffset Midnight = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    // Written once for all the tests of this class (every test only reads it).
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (LabelStore Store, HistoryWorld World)? shared;
    private LabelStore store = null!;
    private HistoryWorld world = null!;

    public static TheoryData<int, int, string?, float> Ranges() => new()
    {
        { Open, Open, null, 0f },
        { 90, 1500, null, 0f },
        { 90, 1500, "walk", 0f },
        { 0, 2880, "run", 0.6f },
        { 0, 2880, null, 0f },
        { -60, 2000, null, 0f },
        { -60, 2000, "walk", 0f },
        { 45, 2000, null, 0.8f },
    };

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (shared is null)
            {
                var created = azurite.CreateStore();
                shared = (created, await HistoryWorld.WriteAsync(created, eventsPerCamera: 2500, stepSeconds: 60, flush: 170));
            }

            (store, world) = shared.Value;
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task EventPagesEqualAFullScan(int fromMinutes, int toMinutes, string? label, float min)
    {
        var query = Query(fromMinutes, toMinutes, label, min, limit: 97);
        var expected = world.Events
            .Where(e => (query.From is null || e.End >= query.From) && (query.To is null || e.End < query.To))
            .Where(e => (label is null || e.Label == label) && e.Confidence >= min)
            .OrderBy(e => e.End).ThenBy(e => e.CameraId, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .Select(e => (e.CameraId, e.Sequence)).ToArray();

        var pages = 0;
        var got = await HistoryPages.ToListAsync(query, async q => { pages++; return await store.QueryAsync(q); });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, got.Select(e => (e.CameraId, e.Sequence)));
        Assert.True(pages >= expected.Length / 97, $"{pages} pages for {expected.Length} events");
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task SegmentPagesEqualAFullScan(int fromMinutes, int toMinutes, string? label, float min)
    {
        var query = Query(fromMinutes, toMinutes, label, min, limit: 13);
        var expected = ExpectedSegments()
            .Where(r => (query.From is null || r.Segment.End >= query.From) && (query.To is null || r.Segment.End < query.To))
            .Where(r => (label is null || r.Segment.Label == label) && r.Segment.MeanConfidence >= min)
            .OrderBy(r => r.FirstEnd).ThenBy(r => r.Segment.CameraId, StringComparer.Ordinal).ThenBy(r => r.Segment.FirstSequence)
            .Select(r => (r.Segment.CameraId, r.Segment.FirstSequence, r.Segment.LastSequence, r.Segment.Windows, r.Segment.Label, r.Segment.TrackId)).ToArray();

        var got = await HistoryPages.ToListAsync(query, q => store.QuerySegmentsAsync(q));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, got.Select(s => (s.CameraId, s.FirstSequence, s.LastSequence, s.Windows, s.Label, s.TrackId)));
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task SummaryPagesEqualAFullScanOfSegments(int fromMinutes, int toMinutes, string? label, float min)
    {
        var query = Query(fromMinutes, toMinutes, label, min, limit: 4);
        var expected = ExpectedSegments()
            .Where(r => (query.From is null || r.Segment.End >= query.From) && (query.To is null || r.Segment.End < query.To))
            .Where(r => (label is null || r.Segment.Label == label) && (min <= 0 || r.Segment.MeanConfidence >= min))
            .GroupBy(r => (r.Segment.CameraId, r.Segment.Label))
            .OrderBy(g => g.Key.CameraId, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => (g.Key.CameraId, g.Key.Label, Seconds: g.Sum(r => r.Segment.Seconds), Windows: g.Sum(r => r.Segment.Windows), Segments: g.Count()))
            .ToArray();

        var got = await HistoryPages.ToListAsync(query, q => store.SummarizeAsync(q));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => (e.CameraId, e.Label, e.Windows, e.Segments)), got.Select(t => (t.CameraId, t.Label, t.Events, t.Segments)));
        Assert.All(expected.Zip(got), pair => Assert.Equal(pair.First.Seconds, pair.Second.Seconds, 6));
    }

    [Fact]
    public async Task ALabelSearchOverEveryCameraCostsItsDaysAndPagesNotItsCameras()
    {
        var counter = new StorageCallCounter();
        var counted = LabelStore.Connect(store.Options, counter);
        var day = new HistoryQuery { Label = "fall_floor", From = Midnight, To = Midnight.AddDays(1), Limit = 20 };

        var segments = await counted.QuerySegmentsAsync(day);
        var segmentCalls = counter.Calls;
        var events = await counted.QueryAsync(day);

        // The catalogue (to check the label) and the day's label partition; events add the bytes of the segments
        // the page reached.
        Assert.NotEmpty(segments.Items);
        Assert.True(segmentCalls <= 3, $"{segmentCalls} storage calls for a one-day label search over {HistoryWorld.Cameras.Length} cameras");
        Assert.Equal(20, events.Items.Length);
        Assert.True(counter.Calls - segmentCalls <= 3 + 20, $"{counter.Calls - segmentCalls} storage calls for a page of 20 events");
        Assert.All(events.Items, e => Assert.Equal("fall_floor", e.Label));
    }

    [Fact]
    public async Task OneTracksEventsAndSegmentsEqualAFullScan()
    {
        var track = world.Events.Where(e => e.TrackId is not null).GroupBy(e => e.TrackId).MaxBy(g => g.Count())!.Key!;
        var query = new HistoryQuery { Cameras = [HistoryWorld.PersonCamera], Track = track, Limit = 7 };

        var events = await HistoryPages.ToListAsync(query, q => store.QueryAsync(q));
        var segments = await HistoryPages.ToListAsync(query, q => store.QuerySegmentsAsync(q));

        var expected = world.Events.Where(e => e.TrackId == track).ToArray();
        Assert.True(expected.Length > 10, $"track {track} has {expected.Length} events");
        Assert.Equal(expected.Select(e => (e.Sequence, e.Label, e.TrackId)), events.Select(e => (e.Sequence, e.Label, e.TrackId)));
        Assert.Equal(expected[^1].Box!, events[^1].Box!);
        Assert.Equal(
            ExpectedSegments().Where(r => r.Segment.TrackId == track).Select(r => (r.Segment.FirstSequence, r.Segment.LastSequence, r.Segment.Label)),
            segments.Select(s => (s.FirstSequence, s.LastSequence, s.Label)));
        Assert.All(segments, s => Assert.Equal(track, s.TrackId));
    }

    [Fact]
    public async Task GapPagesEqualAFullScan()
    {
        var got = await HistoryPages.ToListAsync(new HistoryQuery { Limit = 1 }, q => store.QueryGapsAsync(q));

        Assert.Equal(
            world.Gaps.OrderBy(g => g.End).ThenBy(g => g.CameraId, StringComparer.Ordinal).Select(g => (g.CameraId, g.NextSequence, g.End)),
            got.Select(g => (g.CameraId, g.NextSequence, g.End)));
    }

    [Fact]
    public async Task ACameraTimelineOfADayCostsAFewCallsHoweverManyEventsAreStored()
    {
        var counter = new StorageCallCounter();
        var counted = LabelStore.Connect(store.Options, counter);
        var query = new HistoryQuery { Cameras = ["cam-b"], From = HistoryWorld.Begin.AddHours(2), To = HistoryWorld.Begin.AddHours(26), Limit = 1000 };

        var page = await counted.QuerySegmentsAsync(query);

        Assert.NotEmpty(page.Items);
        Assert.Null(page.Next);
        Assert.True(counter.Calls <= 2, $"{counter.Calls} storage calls for {page.Items.Length} segments");
    }

    [Fact]
    public async Task ALabelSearchReadsOnlyTheBytesOfMatchingSegments()
    {
        var counter = new StorageCallCounter();
        var counted = LabelStore.Connect(store.Options, counter);
        var page = await counted.QueryAsync(new HistoryQuery { Label = "ride_bike", MinConfidence = 0.95f, Limit = 50 });
        var stored = world.Events.Sum(e => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(e, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)).Length);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.True(e.Label == "ride_bike" && e.Confidence >= 0.95f));
        Assert.True(counter.BytesRead < stored / 4, $"read {counter.BytesRead} of {stored} stored bytes");
    }

    private static HistoryQuery Query(int fromMinutes, int toMinutes, string? label, float min, int limit) => new()
    {
        From = fromMinutes == Open ? null : Midnight.AddMinutes(fromMinutes),
        To = toMinutes == Open ? null : Midnight.AddMinutes(toMinutes),
        Label = label,
        MinConfidence = min,
        Limit = limit,
    };

    private IEnumerable<LabelSegmentRow> ExpectedSegments()
    {
        foreach (var (camera, records) in world.Records)
        {
            var tracker = new SegmentTracker();
            var rows = new List<LabelSegmentRow>();
            foreach (var record in records)
            {
                rows.AddRange(record.Gap is not null ? tracker.Gap() : tracker.Add(record.Event!, 0, 0));
            }

            rows.AddRange(tracker.OpenRows());

            foreach (var row in rows)
            {
                yield return row with { Segment = row.Segment with { CameraId = camera } };
            }
        }
    }
}
