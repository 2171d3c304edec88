using ActionNet.Inference.Scoring;

namespace ActionNet.Inference.Tests.Scoring;

public sealed class ScoreAggregationTests
{
    private static readonly string[] Labels = ["push", "fall_floor", "walk"];

    [Fact]
    public void TheVideoScoreIsTheMeanOfClipProbabilitiesAndItsArgmaxLabel()
    {
        ClipScores[] clips =
        [
            new([0f, 0f, 0f], [0.6f, 0.3f, 0.1f]),
            new([0f, 0f, 0f], [0.1f, 0.2f, 0.7f]),
            new([0f, 0f, 0f], [0.2f, 0.2f, 0.6f]),
        ];

        var video = ScoreAggregation.Mean(clips, Labels);

        Assert.Equal([0.3f, 0.233333f, 0.466667f], video.Probabilities.Select(p => MathF.Round(p, 6)));
        Assert.Equal(2, video.TopIndex);
        Assert.Equal("walk", video.TopLabel);
        Assert.Equal(3, video.ClipCount);
        Assert.Equal(0.466667f, video.TopProbability, 5);
    }

    [Fact]
    public void ClipsWhoseClassCountDiffersFromTheLabelsAreRejected()
    {
        ClipScores[] clips = [new([0f, 0f], [0.5f, 0.5f])];

        var error = Assert.Throws<ArgumentException>(() => ScoreAggregation.Mean(clips, Labels));

        Assert.Contains("expected 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoClipsIsAnError()
    {
        Assert.Throws<ArgumentException>(() => ScoreAggregation.Mean([], Labels));
    }
}
