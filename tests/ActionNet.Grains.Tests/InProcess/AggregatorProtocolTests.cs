using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;

namespace ActionNet.Grains.Tests.InProcess;

/// <summary>
/// The aggregator's protocol in a real (in-process) silo: exactly-once journaling and storing through retries,
/// deactivation and a storage outage, and the labels it shows per tracked person.
/// </summary>
[Collection(AggregatorClusterCollection.Name)]
public sealed class AggregatorProtocolTests(AggregatorClusterFixture fixture)
{
    private static readonly string[] Labels = ["push", "fall_floor", "walk", "run", "ride_bike"];
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddMinutes(-30);

    [Fact]
    public async Task EveryWindowIsStoredExactlyOnceThroughRetriesAndADeactivation()
    {
        const string camera = "ip-once";
        var aggregator = fixture.Client.GetGrain<IAggregatorGrain>(camera);

        for (var seq = 0; seq < 20; seq++)
        {
            await aggregator.RecordAsync(Window(camera, seq, track: seq % 2 == 0 ? "0" : "1", label: seq % 2 == 0 ? "walk" : "run"));
        }

        // A recorder that did not hear back sends the same windows again: nothing is recorded twice.
        for (var seq = 5; seq < 10; seq++)
        {
            await aggregator.RecordAsync(Window(camera, seq, track: seq % 2 == 0 ? "0" : "1", label: "push"));
        }

        await fixture.Cluster.DeactivateAsync(aggregator);
        Assert.Equal(20, await aggregator.GetNextSequenceAsync());
        for (var seq = 20; seq < 30; seq++)
        {
            await aggregator.RecordAsync(Window(camera, seq, track: seq % 2 == 0 ? "0" : "1", label: seq % 2 == 0 ? "walk" : "run"));
        }

        await StoredThroughAsync(camera, 29);
        var events = await HistoryPages.ToListAsync(new HistoryQuery { Cameras = [camera], Limit = 7 }, q => fixture.Store.QueryAsync(q));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.DoesNotContain(events, e => e.Label == "push");
        Assert.All(events, e => Assert.Equal(e.Sequence % 2 == 0 ? ("0", "walk") : ("1", "run"), (e.TrackId!, e.Label)));

        var segments = await HistoryPages.ToListAsync(new HistoryQuery { Cameras = [camera] }, q => fixture.Store.QuerySegmentsAsync(q));
        Assert.Equal([("0", "walk", 15), ("1", "run", 15)], segments.Select(s => (s.TrackId!, s.Label, s.Windows)));
    }

    [Fact]
    public async Task WindowsAcknowledgedDuringAStorageOutageAreStoredOnceWhenItReturns()
    {
        const string camera = "ip-outage";
        var aggregator = fixture.Client.GetGrain<IAggregatorGrain>(camera);
        for (var seq = 0; seq < 5; seq++)
        {
            await aggregator.RecordAsync(Window(camera, seq));
        }

        await StoredThroughAsync(camera, 4);
        await fixture.Azurite.StopAsync();
        try
        {
            for (var seq = 5; seq < 15; seq++)
            {
                await aggregator.RecordAsync(Window(camera, seq));
            }

            var status = await aggregator.GetStatusAsync();
            Assert.Equal(14, status.RecordedSequence);

            // The activation goes away while storage is down: the journal keeps what it acknowledged.
            await fixture.Cluster.DeactivateAsync(aggregator);
        }
        finally
        {
            await fixture.Azurite.RestartAsync();
        }

        for (var seq = 15; seq < 20; seq++)
        {
            await aggregator.RecordAsync(Window(camera, seq));
        }

        await StoredThroughAsync(camera, 19);
        var events = await HistoryPages.ToListAsync(new HistoryQuery { Cameras = [camera] }, q => fixture.Store.QueryAsync(q));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task TheCameraShowsItsMostConfidentTrackAndEveryTrackInView()
    {
        const string camera = "ip-labels";
        var aggregator = fixture.Client.GetGrain<IAggregatorGrain>(camera);
        await aggregator.RecordAsync(Window(camera, 0, track: "0", label: "walk", confidence: 0.6f, box: [10, 20, 50, 120]));
        await aggregator.RecordAsync(Window(camera, 1, track: "1", label: "fall_floor", confidence: 0.9f, box: [200, 80, 300, 130]));
        await aggregator.RecordAsync(Window(camera, 2, track: "0", label: "walk", confidence: 0.6f, box: [14, 20, 54, 120]));

        var labels = await aggregator.GetLabelsAsync();

        Assert.Equal(("1", "fall_floor"), (labels.Latest!.TrackId!, labels.Latest.Label));
        Assert.Equal(["0", "1"], labels.Tracks.Select(t => t.TrackId!));
        Assert.Equal([14f, 20, 54, 120], labels.Tracks[0].Box!);
    }

    private static ScoredWindow Window(string camera, long sequence, string? track = "0", string label = "walk", float confidence = 0.8f, float[]? box = null)
    {
        var start = T0.AddSeconds(sequence * 0.2);
        var probabilities = Labels.Select(l => l == label ? confidence : (1 - confidence) / (Labels.Length - 1)).ToArray();
        return new ScoredWindow
        {
            Window = new WindowHeader
            {
                CameraId = camera,
                Sequence = sequence,
                FirstFrameAt = start,
                LastFrameAt = start.AddSeconds(1),
                Frames = 16,
                TrackId = track,
                Box = track is null ? null : box ?? [1, 2, 3, 4],
                ContinuousSince = T0.AddSeconds(-1),
            },
            Result = new ScoringResult { Probabilities = probabilities, Labels = Labels, Model = "m.onnx", Silo = "in-process" },
        };
    }

    private async Task StoredThroughAsync(string camera, long sequence)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await fixture.Store.GetLastSequenceAsync(camera) is not { } stored || stored < sequence)
        {
            Assert.True(DateTime.UtcNow < deadline, $"camera {camera}: sequence {sequence} not stored within 30 s");
            await Task.Delay(100);
        }
    }
}
