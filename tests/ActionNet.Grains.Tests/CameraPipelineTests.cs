using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Persons;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Scoring;
using ActionNet.Onnx;
using ActionNet.Vision.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionNet.Grains.Tests;

/// <summary>
/// The camera pipeline without a cluster: a real looping video, a real ONNX model on this machine's scorer,
/// and hooks that stand where the aggregator grain would (they record what the pipeline hands over).
/// </summary>
public sealed class CameraPipelineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("actionnet-pipeline-").FullName;
    private readonly List<MetricsProbe> probes = [];

    [Fact]
    public async Task RecordedWindowsAreNumberedFromTheNextSequenceInOrderAndEveryCutWindowIsAccounted()
    {
        var recorded = new List<ScoredWindow>();
        var hooks = new CameraPipelineHooks(() => Task.FromResult(100L), w => Record(recorded, w));
        var counters = new CameraCounters();
        var activity = new SiloActivity();

        await using (var scorer = Scorer(activity, deviceMs: 0))
        {
            var pipeline = Pipeline(scorer, hooks, counters, activity);
            pipeline.Start();
            Assert.Equal(1, activity.ActiveCameras);
            await Until(() => Count(recorded) >= 6);
            await pipeline.DisposeAsync();
        }

        var sequences = Snapshot(recorded).Select(w => w.Window.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(100, sequences.Length).Select(i => (long)i), sequences);
        Assert.All(Snapshot(recorded), w => Assert.Equal(8, w.Window.Frames));
        Assert.All(Snapshot(recorded), w => Assert.Equal(5, w.Result.Probabilities.Length));
        Assert.Equal(0, activity.ActiveCameras);
        Assert.Equal(counters.WindowsEmitted, sequences.Length + counters.WindowsDropped);
    }

    [Fact]
    public async Task AWindowTheHistoryRefusesIsCountedUnrecordedAndTheNextAsksForItsNumberAgain()
    {
        var recorded = new List<ScoredWindow>();
        var asked = 0;
        var refused = 0;
        var hooks = new CameraPipelineHooks(
            () => Task.FromResult(10L * Interlocked.Increment(ref asked)),
            w => Interlocked.Increment(ref refused) == 1 ? throw new TimeoutException("aggregator did not answer") : Record(recorded, w));
        var counters = new CameraCounters();
        var activity = new SiloActivity();

        await using (var scorer = Scorer(activity, deviceMs: 0))
        {
            var pipeline = Pipeline(scorer, hooks, counters, activity);
            pipeline.Start();
            await Until(() => Count(recorded) >= 3);
            await pipeline.DisposeAsync();
        }

        Assert.Equal(1, activity.Drops.Unrecorded);
        Assert.Equal(1, counters.Snapshot("cam", "", "silo").Drops.Unrecorded);
        Assert.Equal(2, asked);
        Assert.Equal(20, Snapshot(recorded)[0].Window.Sequence);
        Assert.Contains("aggregator did not answer", counters.Snapshot("cam", "", "silo").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverloadedScorerDropsWindowsWithTheOverloadReasonAndNumbersStayContiguous()
    {
        var recorded = new List<ScoredWindow>();
        var hooks = new CameraPipelineHooks(() => Task.FromResult(0L), w => Record(recorded, w));
        var counters = new CameraCounters();
        var activity = new SiloActivity();

        // 400 ms of device time per window: a 25 fps camera cutting a window every 4 frames offers 6 windows/s.
        await using (var scorer = Scorer(activity, deviceMs: 400))
        {
            var pipeline = Pipeline(scorer, hooks, counters, activity);
            pipeline.Start();
            await Until(() => counters.Snapshot("cam", "", "silo").Drops.Overload >= 3 && Count(recorded) >= 2);
            await pipeline.DisposeAsync();
        }

        var sequences = Snapshot(recorded).Select(w => w.Window.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(0, sequences.Length).Select(i => (long)i), sequences);
        Assert.Equal(counters.WindowsDropped, counters.Snapshot("cam", "", "silo").Drops.Overload);
        Assert.Equal(counters.WindowsEmitted, sequences.Length + counters.WindowsDropped);

        // The silo's meter exports the same drops under their reason, and the batches the scorer ran.
        var meter = Assert.Single(probes);
        Assert.Equal(counters.WindowsDropped, meter.Latest("actionnet.windows.dropped", "reason", "overload"));
        Assert.Equal(counters.WindowsEmitted, meter.Latest("actionnet.windows.emitted"));
        Assert.NotNull(meter.Latest("actionnet.inference.batch.size", "profile", "tiny"));
    }

    [Fact]
    public async Task InPersonModeEveryWindowCarriesItsPersonWhosePublicIdIsTheSequenceOfTheirFirstWindow()
    {
        var recorded = new List<ScoredWindow>();
        var hooks = new CameraPipelineHooks(() => Task.FromResult(500L), w => Record(recorded, w));
        var counters = new CameraCounters();
        var activity = new SiloActivity();
        var video = Path.Combine(folder, "people.mp4");
        var truth = SyntheticVideo.Write(video, new MultiPersonSceneSpec(3, Frames: 100, Actions: ["walk", "fall_floor"]));

        await using (var scorer = Scorer(activity, deviceMs: 0))
        {
            var registration = new CameraRegistration { Source = video, Loop = true, ModelProfile = "tiny", Persons = true };
            var plan = CameraPlans.Resolve(registration, scorer.Profile, scorer.Contract, new DetectorProfile { Name = "truth", Interval = 2, Threshold = 0.5 });
            var pipeline = new CameraPipeline(
                "cam", registration, plan, scorer.Contract, scorer, hooks, counters, activity, new IngestOptions { MediaRoots = [folder] }, new SiloIdentity("silo", "cpu"),
                cudaDecoding: false, () => new SceneTruthDetector(truth, plan.Persons!.DetectionInterval), NullLogger.Instance);
            pipeline.Start();
            await Until(() => Snapshot(recorded).Select(w => w.Window.TrackId).Distinct().Count() >= 2 && Count(recorded) >= 12);
            await pipeline.DisposeAsync();
        }

        var windows = Snapshot(recorded);
        Assert.Equal(Enumerable.Range(500, windows.Length).Select(i => (long)i), windows.Select(w => w.Window.Sequence));
        Assert.All(windows, w => Assert.NotNull(w.Window.TrackId));
        Assert.All(windows, w => Assert.True(w.Window.Box is [var x1, var y1, var x2, var y2] && x2 > x1 && y2 > y1 && x2 <= 320 && y2 <= 240, "a box inside the 320x240 frame"));
        foreach (var person in windows.GroupBy(w => w.Window.TrackId))
        {
            Assert.Equal(person.First().Window.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), person.Key);
        }

        var status = counters.Snapshot("cam", "", "silo");
        Assert.Equal(counters.WindowsEmitted, windows.Length + counters.WindowsDropped);
        Assert.Equal(0, status.PeopleFramesDropped);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        probes.ForEach(p => p.Dispose());
        Directory.Delete(folder, recursive: true);
    }

    private ProfileScorer Scorer(SiloActivity activity, double deviceMs)
    {
        var model = ModelGenerator.Write(ModelPresets.Get("tiny-2d-rgb") with { Frames = 8, Height = 32, Width = 32 }, Path.Combine(folder, $"tiny-{deviceMs}.onnx")).OnnxPath;
        var profile = new ModelProfile { Name = "tiny", Model = model, Stride = 4, MaxBatch = 2, EmulatedDeviceMsPerWindow = deviceMs };
        var sessions = new InferenceSessionFactory(new InferenceOptions { Providers = [ExecutionProvider.Cpu] });
        var metrics = new MetricsProbe(activity, folder);
        probes.Add(metrics);
        return new ProfileScorer(profile, new ActionModel(model, null, sessions), activity, metrics.Metrics, TimeProvider.System);
    }

    private CameraPipeline Pipeline(ProfileScorer scorer, CameraPipelineHooks hooks, CameraCounters counters, SiloActivity activity)
    {
        var video = Path.Combine(folder, "walk.mp4");
        if (!File.Exists(video))
        {
            SyntheticVideo.Write(video, "walk", frames: 50, width: 64, height: 48, fps: 25);
        }

        var registration = new CameraRegistration { Source = video, Loop = true, ModelProfile = "tiny" };
        var contract = scorer.Contract;
        var plan = CameraPlans.Resolve(registration, scorer.Profile, contract);
        return new CameraPipeline("cam", registration, plan, contract, scorer, hooks, counters, activity, new IngestOptions { MediaRoots = [folder] }, new SiloIdentity("silo", "cpu"), cudaDecoding: false, createDetector: null, NullLogger.Instance);
    }

    private static Task Record(List<ScoredWindow> recorded, ScoredWindow window)
    {
        lock (recorded)
        {
            recorded.Add(window);
        }

        return Task.CompletedTask;
    }

    private static int Count(List<ScoredWindow> recorded)
    {
        lock (recorded)
        {
            return recorded.Count;
        }
    }

    private static ScoredWindow[] Snapshot(List<ScoredWindow> recorded)
    {
        lock (recorded)
        {
            return [.. recorded];
        }
    }

    private static async Task Until(Func<bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!done())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the pipeline did not get there within 60 s");
            await Task.Delay(50);
        }
    }
}
