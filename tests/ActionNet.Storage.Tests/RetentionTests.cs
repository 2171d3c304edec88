using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

/// <summary>A retention sweep leaves nothing older than its cutoff queryable and touches nothing newer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task NothingBeforeTheCutoffCanBeQueriedAndEverythingAfterItIsUnchanged()
    {
        var store = azurite.CreateStore();
        await HistoryWorld.WriteAsync(store, eventsPerCamera: 1500, stepSeconds: 90, flush: 200);
        var cutoff = new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);
        var after = new HistoryQuery { From = cutoff, Limit = 500 };
        var eventsBefore = await AllEventsAsync(store, after);
        var segmentsBefore = await HistoryPages.ToListAsync(after, q => store.QuerySegmentsAsync(q));
        var gapsBefore = await HistoryPages.ToListAsync(after, q => store.QueryGapsAsync(q));
        var summaryBefore = await HistoryPages.ToListAsync(after, q => store.SummarizeAsync(q));

        var sweeps = new List<HistorySweep>();
        foreach (var camera in HistoryWorld.Cameras)
        {
            sweeps.Add(await new HistoryRetention(store).SweepAsync(camera, cutoff.AddMinutes(20)));
        }

        var everything = new HistoryQuery { Limit = 500 };
        Assert.All(sweeps, s => Assert.True(s.RowsDeleted > 0 && s.BlobsDeleted > 0, $"{s.Camera}: {s.RowsDeleted} rows, {s.BlobsDeleted} blobs"));
        Assert.All(await AllEventsAsync(store, everything), e => Assert.True(e.End >= cutoff, $"{e.CameraId}#{e.Sequence} ends {e.End:O}"));
        Assert.All(await HistoryPages.ToListAsync(everything, q => store.QuerySegmentsAsync(q)), s => Assert.True(s.End >= cutoff));
        var labelSearch = new HistoryQuery { Label = "walk", From = HistoryWorld.Begin.AddDays(-1), Limit = 500 };
        var walks = await HistoryPages.ToListAsync(labelSearch, q => store.QuerySegmentsAsync(q));
        Assert.NotEmpty(walks);
        Assert.All(walks, s => Assert.True(s.End >= cutoff, $"the label index still holds {s.CameraId}#{s.FirstSequence}, ending {s.End:O}"));
        Assert.All(await HistoryPages.ToListAsync(everything, q => store.QueryGapsAsync(q)), g => Assert.True(g.End >= cutoff));
        Assert.Equal(eventsBefore.Select(e => (e.CameraId, e.Sequence)), (await AllEventsAsync(store, everything)).Select(e => (e.CameraId, e.Sequence)));
        // Boxes are arrays, which records compare by reference: compare them by value beside the rest.
        static (LabelSegment Segment, string Box) Comparable(LabelSegment s) => (s with { Box = null }, string.Join(",", s.Box ?? []));
        Assert.Equal(segmentsBefore.Select(Comparable), (await HistoryPages.ToListAsync(everything, q => store.QuerySegmentsAsync(q))).Select(Comparable));
        Assert.Equal(gapsBefore, await HistoryPages.ToListAsync(everything, q => store.QueryGapsAsync(q)));

        // Whole-day totals of the cutoff day now count only what is kept.
        var summaryAfter = await HistoryPages.ToListAsync(new HistoryQuery { From = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), Limit = 500 }, q => store.SummarizeAsync(q));
        Assert.Equal(summaryBefore.Select(t => (t.CameraId, t.Label, t.Events, t.Segments)), summaryAfter.Select(t => (t.CameraId, t.Label, t.Events, t.Segments)));
    }

    private static Task<List<ActionEvent>> AllEventsAsync(LabelStore store, HistoryQuery query) => HistoryPages.ToListAsync(query, q => store.QueryAsync(q));
}
