using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;
using ActionNet.Grains.History;

namespace ActionNet.Grains.Tests;

public class LabelAggregatorTests
{
    private static readonly string[] Labels = ["push", "walk"];
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ScoredWindow Window(long sequence, float push, float walk) => new()
    {
        Window = new WindowHeader { CameraId = "cam", Sequence = sequence, FirstFrameAt = T0.AddSeconds(sequence), LastFrameAt = T0.AddSeconds(sequence + 1) },
        Result = new ScoringResult { Probabilities = [push, walk], Labels = Labels, Model = "m.onnx", Silo = "s1" },
    };

    [Fact]
    public void EventProbabilitiesAreTheMeanOfTheLastKWindows()
    {
        var aggregator = new LabelAggregator("cam", windowsAveraged: 2);

        aggregator.Add(Window(0, 1.0f, 0.0f));
        var second = aggregator.Add(Window(1, 0.0f, 1.0f));
        var third = aggregator.Add(Window(2, 0.0f, 1.0f));

        Assert.Equal([0.5f, 0.5f], second.Probabilities);
        Assert.Equal([0.0f, 1.0f], third.Probabilities);
        Assert.Equal("walk", third.Label);
        Assert.Equal(1.0f, third.Confidence);
        Assert.Equal(2, third.Sequence);
        Assert.Equal(T0.AddSeconds(2), third.Start);
        Assert.Equal(T0.AddSeconds(3), third.End);
        Assert.Equal("m.onnx", third.Model);
        Assert.Equal("s1", third.Silo);
    }

    [Fact]
    public void EachTrackIsAveragedOnItsOwnAndCarriesItsBox()
    {
        var aggregator = new LabelAggregator("cam", windowsAveraged: 10);
        static ScoredWindow Of(ScoredWindow w, string track, float[] box) => w with { Window = w.Window with { TrackId = track, Box = box } };

        aggregator.Add(Of(Window(0, 1.0f, 0.0f), "0", [1, 1, 5, 9]));
        var other = aggregator.Add(Of(Window(1, 0.0f, 1.0f), "1", [20, 1, 25, 9]));
        var again = aggregator.Add(Of(Window(2, 1.0f, 0.0f), "0", [2, 1, 6, 9]));

        Assert.Equal([0.0f, 1.0f], other.Probabilities);
        Assert.Equal(("walk", "1"), (other.Label, other.TrackId));
        Assert.Equal([1.0f, 0.0f], again.Probabilities);
        Assert.Equal([2f, 1, 6, 9], again.Box!);
        Assert.Equal(2, aggregator.Tracks);
    }

    [Fact]
    public void ATrackIdleLongerThanTheIdleTimeIsForgotten()
    {
        var aggregator = new LabelAggregator("cam", windowsAveraged: 10);
        aggregator.Add(Window(0, 1, 0) with { Window = Window(0, 1, 0).Window with { TrackId = "0" } });
        var later = Window(1, 0, 1);
        later = later with { Window = later.Window with { TrackId = "1", FirstFrameAt = T0.AddSeconds(LabelSegment.TrackIdleSeconds + 2), LastFrameAt = T0.AddSeconds(LabelSegment.TrackIdleSeconds + 3) } };

        aggregator.Add(later);

        Assert.Equal(1, aggregator.Tracks);
    }

    [Fact]
    public void MismatchedProbabilitiesAndLabelsAreRefused()
    {
        var aggregator = new LabelAggregator("cam", 10);
        var bad = Window(0, 1, 0) with { Result = new ScoringResult { Probabilities = [1f], Labels = Labels } };

        Assert.Throws<ArgumentException>(() => aggregator.Add(bad));
    }
}
