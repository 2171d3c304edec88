using System.Globalization;
using ActionNet.Abstractions.History;
using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// A camera registered with the probe model produces the expected events in Blob storage, and
/// <c>actionnet history</c> returns them with every filter really filtering.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class LabelHistoryTests(SharedClusterFixture fixture)
{
    /// <summary>Red planes win: each R_t plane ~0.098, every other ~0.013.</summary>
    private static readonly SolidColour Red = new(255, 0, 0);

    /// <summary>Blue planes win, less clearly: each B_t plane ~0.072.</summary>
    private static readonly SolidColour Blue = new(64, 64, 192);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task RegisteredProbeCameraStoresBlobEventsWithTheColoursSoftmaxAndIncreasingUniqueSequences()
    {
        var camera = TestCluster.NewCameraId("red");
        try
        {
            var add = await Cluster.CliOkAsync("cameras", "add", camera, "--source", Cluster.Video(Red), "--model", TestCluster.AnyProfile, "--loop");
            Assert.Contains($"camera {camera} registered", add.Stdout, StringComparison.Ordinal);

            var history = await Cluster.WaitForHistoryAsync(camera, "12 stored events", h => h.Length >= 12);
            var stored = await Cluster.StoredEventsAsync(camera);

            // What the silos wrote to Blob storage, read blob by blob.
            Assert.True(stored.Count >= history.Length, $"{stored.Count} events in blobs, {history.Length} from history");
            Assert.All(stored, e => Assert.Equal(camera, e.CameraId));
            EventAssert.NoDuplicateSequences(stored);
            var bySequence = stored.OrderBy(e => e.Sequence).ToArray();
            Assert.Equal(0, bySequence[0].Sequence);
            for (var i = 1; i < bySequence.Length; i++)
            {
                Assert.True(bySequence[i].End >= bySequence[i - 1].End, $"event #{bySequence[i].Sequence} ends before #{bySequence[i - 1].Sequence}");
                Assert.True(bySequence[i].Start < bySequence[i].End, $"event #{bySequence[i].Sequence} starts at or after its end");
            }

            Assert.All(stored, e => EventAssert.ScoredAs(e, Red));
            Assert.All(stored, e => Assert.Equal("probe-2d-rgb.onnx", e.Model));

            // The history returns the same events, earliest first, each once.
            EventAssert.StrictlyIncreasingSequences(history);
            Assert.Equal(bySequence.Take(history.Length).Select(e => e.Sequence), history.Select(e => e.Sequence));
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
        }
    }

    [Fact]
    public async Task HistoryCommandFiltersByCameraLabelConfidenceTimeAndLimitAndWritesCsv()
    {
        var red = TestCluster.NewCameraId("red");
        var blue = TestCluster.NewCameraId("blue");
        try
        {
            await Cluster.RegisterAsync(red, Red);
            await Cluster.RegisterAsync(blue, Blue);
            await Cluster.WaitForHistoryAsync(red, "8 stored events", h => h.Length >= 8);
            await Cluster.WaitForHistoryAsync(blue, "8 stored events", h => h.Length >= 8);

            // --camera: only that camera, earliest first.
            var redEvents = await HistoryJsonAsync("--camera", red);
            Assert.True(redEvents.Length >= 8, $"{redEvents.Length} red events");
            Assert.All(redEvents, e => Assert.Equal(red, e.CameraId));
            EventAssert.StrictlyIncreasingSequences(redEvents);
            Assert.All(redEvents, e => EventAssert.ScoredAs(e, Red));
            var blueEvents = await HistoryJsonAsync("--camera", blue);
            Assert.NotEmpty(blueEvents);
            Assert.All(blueEvents, e => Assert.Equal(blue, e.CameraId));
            Assert.All(blueEvents, e => EventAssert.ScoredAs(e, Blue));
            var both = await HistoryJsonAsync("--camera", red, "--camera", blue);
            Assert.Equal([blue, red], both.Select(e => e.CameraId).Distinct().Order(StringComparer.Ordinal));

            // --label: one of red's labels; blue never has it.
            var label = redEvents[^1].Label;
            var labelled = await HistoryJsonAsync("--camera", red, "--camera", blue, "--label", label);
            Assert.NotEmpty(labelled);
            Assert.All(labelled, e => Assert.Equal(label, e.Label));
            Assert.All(labelled, e => Assert.Equal(red, e.CameraId));

            // --min-confidence halfway between the two colours' expected confidences keeps red, drops blue.
            var threshold = (ProbeModel.Probabilities(Red).Max() + ProbeModel.Probabilities(Blue).Max()) / 2;
            var confident = await HistoryJsonAsync("--camera", red, "--camera", blue, "--min-confidence", threshold.ToString("F3", CultureInfo.InvariantCulture));
            Assert.NotEmpty(confident);
            Assert.All(confident, e => Assert.True(e.Confidence >= threshold, $"{e.CameraId}#{e.Sequence} has confidence {e.Confidence} < {threshold}"));
            Assert.All(confident, e => Assert.Equal(red, e.CameraId));

            // --from is inclusive and --to exclusive, on the event's end time.
            var pivot = redEvents[redEvents.Length / 2];
            var time = pivot.End.ToString("O", CultureInfo.InvariantCulture);
            var from = await HistoryJsonAsync("--camera", red, "--from", time);
            Assert.Equal(pivot.Sequence, from[0].Sequence);
            Assert.All(from, e => Assert.True(e.End >= pivot.End, $"#{e.Sequence} ends at {e.End:O}, before --from {time}"));
            var to = await HistoryJsonAsync("--camera", red, "--to", time);
            Assert.Equal(redEvents.Where(e => e.End < pivot.End).Select(e => e.Sequence), to.Select(e => e.Sequence));
            var between = await HistoryJsonAsync("--camera", red, "--from", redEvents[1].End.ToString("O", CultureInfo.InvariantCulture), "--to", time);
            Assert.Equal(redEvents.Where(e => e.End >= redEvents[1].End && e.End < pivot.End).Select(e => e.Sequence), between.Select(e => e.Sequence));

            // --limit N: the N earliest.
            var limited = await HistoryJsonAsync("--camera", red, "--limit", "3");
            Assert.Equal(redEvents.Take(3).Select(e => e.Sequence), limited.Select(e => e.Sequence));

            // --csv: a header with the track and box columns (empty for a whole-frame camera) and one probability column
            // per label, one row per event.
            var csv = await Cluster.CliOkAsync("history", "--csv", "--camera", red, "--limit", "5");
            var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(string.Join(",", new[] { "camera", "sequence", "start", "end", "label", "confidence", "model", "silo", "track", "x1", "y1", "x2", "y2" }.Concat(ProbeModel.Labels.Select(l => "p_" + l))), lines[0]);
            Assert.Equal(6, lines.Length);
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split(',');
                Assert.Equal(13 + ProbeModel.Labels.Length, fields.Length);
                Assert.Equal(red, fields[0]);
                Assert.Equal(redEvents[i - 1].Sequence, long.Parse(fields[1], CultureInfo.InvariantCulture));
                Assert.Equal(redEvents[i - 1].Label, fields[4]);
                Assert.Equal(redEvents[i - 1].Probabilities[0], float.Parse(fields[13], CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(red, blue);
        }
    }

    [Fact]
    public async Task APageCutByLimitSaysSoAndItsTokenContinuesWhereItStopped()
    {
        var red = TestCluster.NewCameraId("red");
        try
        {
            await Cluster.RegisterAsync(red, Red);
            var all = await Cluster.WaitForHistoryAsync(red, "8 stored events", h => h.Length >= 8);

            var table = await Cluster.CliOkAsync("history", "--camera", red, "--limit", "3");
            var first = (await Cluster.CliOkAsync("history", "--json", "--camera", red, "--limit", "3")).Json<HistoryPage<ActionEvent>>();
            var second = (await Cluster.CliOkAsync("history", "--json", "--camera", red, "--limit", "3", "--after", first.Next!)).Json<HistoryPage<ActionEvent>>();
            var segments = (await Cluster.CliOkAsync("history", "segments", "--json", "--camera", red)).Json<HistoryPage<LabelSegment>>();
            var summary = (await Cluster.CliOkAsync("history", "summary", "--json", "--camera", red)).Json<HistoryPage<LabelTotal>>();

            Assert.Contains("more: this page stopped at --limit 3; continue with --after ", table.Stdout, StringComparison.Ordinal);
            Assert.NotNull(first.Next);
            Assert.Equal(all.Take(6).Select(e => e.Sequence), first.Items.Concat(second.Items).Select(e => e.Sequence));
            Assert.NotEmpty(segments.Items);
            Assert.All(segments.Items, s => Assert.Equal(red, s.CameraId));
            Assert.NotEmpty(summary.Items);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(red);
        }
    }

    [Theory]
    [InlineData("--from 2026-01-02T00:00:00Z --to 2026-01-01T00:00:00Z", "reversed")]
    [InlineData("--limit 0", "--limit '0' is invalid")]
    [InlineData("--after not-a-token", "is not a continuation token")]
    [InlineData("--from 9999-12-31T23:59:59Z", "--from 9999-12-31T23:59:59Z is out of range")]
    [InlineData("--min-confidence NaN", "--min-confidence 'NaN' is invalid")]
    [InlineData("--label dance", "--label 'dance' is unknown")]
    public async Task BadHistoryInputGivesOneLineAndExitCode2(string arguments, string expected)
    {
        var run = await Cluster.CliAsync(["history", .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private async Task<ActionEvent[]> HistoryJsonAsync(params string[] filters) =>
        (await Cluster.CliOkAsync(["history", "--json", .. filters])).Json<HistoryPage<ActionEvent>>().Items;
}
