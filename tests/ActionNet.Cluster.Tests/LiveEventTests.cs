using System.Collections.Concurrent;
using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Cluster.Tests.Support;
using ActionNet.Drills;
using Orleans.Streams;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// Aggregators publish every journaled label and every segment start and end on the one live-event stream,
/// with the stored segments' boundaries; <c>actionnet watch</c> prints from that stream.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class LiveEventTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Green = new(0, 200, 0);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task LiveStreamCarriesEachLabelOnceInOrderAndSegmentStartsMatchTheStoredSegments()
    {
        var camera = TestCluster.NewCameraId("live");
        var received = new ConcurrentQueue<LiveEvent>();
        var subscription = await LiveEventSubscription.SubscribeAsync(Cluster.Grains.GetStreamProvider(LiveEvents.ProviderName), [camera], e =>
        {
            if (e.CameraId == camera)
            {
                received.Enqueue(e);
            }

            return Task.CompletedTask;
        });
        try
        {
            await Cluster.RegisterAsync(camera, Green);
            await DrillWait.UntilAsync("8 live label events", TestCluster.Patience, () => Task.FromResult(received.Count(e => e.Kind == LiveEventKind.Label)), n => n >= 8, Cluster.Diagnostics);

            var labels = received.Where(e => e.Kind == LiveEventKind.Label).Select(e => e.Event!).ToArray();
            Assert.Equal(0, labels[0].Sequence);
            Assert.Equal(labels.Length, labels.Select(e => e.Sequence).Distinct().Count());
            Assert.True(labels.Zip(labels.Skip(1)).All(p => p.Second.Sequence > p.First.Sequence), "label events out of order");

            var start = received.First(e => e.Kind == LiveEventKind.SegmentStart).Segment!;
            Assert.Equal(camera, start.CameraId);
            Assert.Equal(0, start.FirstSequence);
            Assert.Equal(labels[0].Label, start.Label);
            Assert.True(start.Open);

            // The stored segment the first event opened is the one the live stream announced.
            var history = Cluster.Grains.GetGrain<IHistoryGrain>("history");
            var stored = await DrillWait.UntilAsync(
                "the first segment stored",
                TestCluster.Patience,
                () => history.SegmentsAsync(new HistoryQuery { Cameras = [camera] }),
                p => p.Items.Length > 0,
                Cluster.Diagnostics);
            Assert.Equal(start.FirstSequence, stored.Items[0].FirstSequence);
            Assert.Equal(start.Label, stored.Items[0].Label);
            Assert.Equal(start.Start, stored.Items[0].Start);
        }
        finally
        {
            await subscription.DisposeAsync();
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task WatchPrintsTheCamerasLabelsFromTheLiveStream()
    {
        var camera = TestCluster.NewCameraId("watch");
        try
        {
            var watch = Cluster.CliAsync("watch", "--camera", camera, "--count", "3", "--seconds", "90", "--json");
            await Cluster.RegisterAsync(camera, Green);
            var run = await watch;
            Assert.True(run.ExitCode == 0, $"{run}\n{Cluster.Diagnostics()}");
            var events = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<ActionEvent>(line, JsonSerializerOptions.Web)!)
                .ToArray();
            Assert.Equal(3, events.Length);
            Assert.All(events, e => Assert.Equal(camera, e.CameraId));
            Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }
}
