using System.Diagnostics;
using ActionNet.Abstractions.History;
using ActionNet.Storage;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// <c>bench history</c>: lays down synthetic but realistic history straight into a real Azurite (segments
/// with realistic label statistics, their daily totals), then measures a camera's 24 h timeline, a label
/// search with a minimum confidence across the cameras, and a summary, for 1 day and the whole range and
/// for 10 cameras and all of them; and runs the real write path (journal records through the camera
/// writer, flushed every 15 s of window time) to count storage writes per camera per minute.
/// </summary>
public static class HistoryBenchmark
{
    /// <summary>Windows per second per camera (stride 8 at 30 fps).</summary>
    public const double WindowsPerSecond = 3.75;

    private static readonly string[] Labels = ["push", "fall_floor", "walk", "run", "ride_bike"];

    // Share of segments and mean length in seconds per label: mostly long walking, rare short falls.
    private static readonly (string Label, double Share, double MeanSeconds)[] Statistics =
    [
        ("walk", 0.50, 420), ("run", 0.15, 120), ("ride_bike", 0.12, 240), ("push", 0.13, 45), ("fall_floor", 0.10, 20),
    ];

    /// <summary>Runs the benchmark against <paramref name="connectionString"/>; <paramref name="status"/> receives progress lines.</summary>
    public static async Task<HistoryBenchResult> RunAsync(string connectionString, int cameras, int days, Action<string> status, CancellationToken cancellationToken)
    {
        var counter = new StorageCallCounter();
        // Laying down a million rows keeps Azurite busy: allow slow answers rather than fail the run.
        var options = new HistoryStorageOptions { ConnectionString = connectionString, ContainerName = "bench-history", TableName = "BenchHistory", MaxRetries = 5, NetworkTimeout = TimeSpan.FromSeconds(60) };
        var store = LabelStore.Connect(options, counter);
        await store.EnsureCreatedAsync(cancellationToken);
        var end = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        var begin = end.AddDays(-days);
        var ids = Enumerable.Range(0, cameras).Select(i => $"bench-{i:D3}").ToArray();

        var clock = Stopwatch.StartNew();
        var seeder = new HistorySeeder(store);
        long segments = 0, windows = 0;
        var done = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var generated = Generate(id, begin, end);
            await seeder.SeedAsync(id, generated, Labels, ct);
            Interlocked.Add(ref segments, generated.Count);
            Interlocked.Add(ref windows, generated.Sum(s => (long)s.Windows));
            var n = Interlocked.Increment(ref done);
            if (n % 10 == 0 || n == ids.Length)
            {
                status($"{n}/{ids.Length} cameras laid down ({Interlocked.Read(ref segments)} segments)");
            }
        });
        var seedSeconds = clock.Elapsed.TotalSeconds;

        var queries = new List<HistoryQueryCost>();
        foreach (var span in new[] { 1, days }.Distinct())
        {
            foreach (var count in new[] { Math.Min(10, cameras), cameras }.Distinct())
            {
                var subset = count == cameras ? [] : ids[..count];
                var from = end.AddDays(-span);
                queries.Add(await MeasureAsync("timeline", 1, 1, counter, async () => (await HistoryPages.ToListAsync(
                    new HistoryQuery { Cameras = [ids[0]], From = end.AddDays(-1), To = end, Limit = 1000 }, q => store.QuerySegmentsAsync(q, cancellationToken), cancellationToken)).Count));
                queries.Add(await MeasureAsync("label", count, span, counter, async () => (await store.QuerySegmentsAsync(
                    new HistoryQuery { Cameras = subset, Label = "fall_floor", MinConfidence = 0.8f, From = from, To = end, Limit = 1000 }, cancellationToken)).Items.Length));
                queries.Add(await MeasureAsync("summary", count, span, counter, async () => (await store.SummarizeAsync(
                    new HistoryQuery { Cameras = subset, From = from, To = end, Limit = HistoryQueryRules.MaxLimit }, cancellationToken)).Items.Length));
                status($"measured {span} day(s) x {count} camera(s)");
            }
        }

        var (writes, writerCameras, minutes) = await MeasureWritePathAsync(connectionString, cancellationToken);
        return new HistoryBenchResult(cameras, days, segments, windows, seedSeconds, queries, writes, writerCameras, minutes);
    }

    private static async Task<HistoryQueryCost> MeasureAsync(string name, int cameras, int days, StorageCallCounter counter, Func<Task<int>> query)
    {
        var calls = counter.Calls;
        var bytes = counter.BytesRead;
        var clock = Stopwatch.StartNew();
        var rows = await query();
        return new HistoryQueryCost(name, cameras, days, counter.Calls - calls, counter.BytesRead - bytes, clock.Elapsed.TotalMilliseconds, rows);
    }

    // The real write path: 3.75 windows per second per camera, flushed every 15 s of window time.
    private static async Task<(double WritesPerCameraPerMinute, int Cameras, int Minutes)> MeasureWritePathAsync(string connectionString, CancellationToken cancellationToken)
    {
        const int cameras = 4;
        const int minutes = 10;
        var counter = new StorageCallCounter();
        var store = LabelStore.Connect(new HistoryStorageOptions { ConnectionString = connectionString, ContainerName = "bench-history", TableName = "BenchHistory" }, counter);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var writers = new List<CameraHistoryWriter>();
        for (var c = 0; c < cameras; c++)
        {
            writers.Add(await store.OpenWriterAsync($"write-{c}", "bench", cancellationToken));
            await store.RegisterCameraAsync($"write-{c}", Labels, cancellationToken);
        }

        var before = counter.Writes;
        var perFlush = (int)(WindowsPerSecond * 15);
        var random = new Random(3);
        for (var flush = 0; flush < minutes * 4; flush++)
        {
            for (var c = 0; c < cameras; c++)
            {
                var records = Enumerable.Range(flush * perFlush, perFlush).Select(i =>
                {
                    var endTime = start.AddSeconds(i / WindowsPerSecond);
                    var label = Labels[(i / 200 + c) % Labels.Length];
                    var probabilities = Labels.Select(l => l == label ? 0.8f : 0.05f).ToArray();
                    return new HistoryRecord
                    {
                        Event = new ActionEvent
                        {
                            CameraId = $"write-{c}", Sequence = i, Start = endTime.AddSeconds(-8.5), End = endTime, Label = label,
                            Confidence = 0.6f + (float)(random.NextDouble() * 0.4), Probabilities = probabilities, Labels = Labels,
                            Model = "resnet18_2d_rgb_hmdb5_32", Silo = "bench", StoredAt = endTime,
                        },
                    };
                }).ToArray();
                await writers[c].WriteAsync(records, cancellationToken);
            }
        }

        return ((counter.Writes - before) / (double)cameras / minutes, cameras, minutes);
    }

    private static List<LabelSegment> Generate(string camera, DateTimeOffset begin, DateTimeOffset end)
    {
        var random = new Random(camera.GetHashCode(StringComparison.Ordinal));
        var segments = new List<LabelSegment>();
        var time = begin;
        long sequence = 0;
        while (time < end)
        {
            var pick = random.NextDouble();
            var (label, _, mean) = Statistics[^1];
            foreach (var s in Statistics)
            {
                if ((pick -= s.Share) < 0)
                {
                    (label, mean) = (s.Label, s.MeanSeconds);
                    break;
                }
            }

            // Exponential lengths around the label's mean, cut at the hour as the writer cuts them.
            var seconds = Math.Max(2, -Math.Log(1 - random.NextDouble()) * mean);
            var hourEnd = new DateTimeOffset(time.UtcDateTime.Date.AddHours(time.UtcDateTime.Hour + 1), TimeSpan.Zero);
            var segmentEnd = time.AddSeconds(seconds) < hourEnd ? time.AddSeconds(seconds) : hourEnd.AddTicks(-1);
            var count = Math.Max(1, (int)((segmentEnd - time).TotalSeconds * WindowsPerSecond));
            var confidence = (float)(0.45 + (random.NextDouble() * 0.5));
            segments.Add(new LabelSegment
            {
                CameraId = camera, Label = label, Start = time, End = segmentEnd, FirstSequence = sequence, LastSequence = sequence + count - 1,
                MeanConfidence = confidence, PeakConfidence = Math.Min(1, confidence + (float)(random.NextDouble() * 0.2)), Windows = count,
                Model = "resnet18_2d_rgb_hmdb5_32", Seconds = (segmentEnd - time).TotalSeconds,
            });
            sequence += count;
            time = segmentEnd.AddTicks(1);
        }

        return segments;
    }
}
