using ActionNet.Inference.Contracts;
using ActionNet.Inference.Scoring;
using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Onnx.Graph;
using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Tests.Scoring;

public sealed class ActionModelTests(ModelDirectory models) : IClassFixture<ModelDirectory>
{
    private const int Frames = 4;
    private const int Size = 16;

    private GeneratedModel Tiny => models.Get(new ModelSpec(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Rgb, Frames, Size, Size));

    [Fact]
    public void ABatchOfThreeClipsScoresLikeThreeSingleCalls()
    {
        using var model = Models.OpenOnCpu(Tiny);
        var clips = Enumerable.Range(0, 3).Select(RandomClip).ToArray();

        var batched = model.Score(clips);
        var single = clips.Select(model.Score).ToArray();

        Assert.Equal(3, batched.Count);
        for (var n = 0; n < clips.Length; n++)
        {
            AssertClose(single[n].Logits, batched[n].Logits);
            AssertClose(single[n].Probabilities, batched[n].Probabilities);
        }

        Assert.NotEqual(batched[0].Logits, batched[1].Logits);
    }

    [Fact]
    public void ConcurrentCallsEachGetTheirOwnResults()
    {
        using var model = Models.OpenOnCpu(Tiny);
        var clips = Enumerable.Range(0, 8).Select(RandomClip).ToArray();
        var expected = clips.Select(model.Score).ToArray();

        var actual = new ClipScores[clips.Length];
        Parallel.For(0, clips.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n => actual[n] = model.Score(clips[n]));

        for (var n = 0; n < clips.Length; n++)
        {
            AssertClose(expected[n].Logits, actual[n].Logits);
        }
    }

    [Fact]
    public void ProbabilitiesAreTheSoftmaxOfTheLogitsAndLabelsComeFromTheContract()
    {
        using var model = Models.OpenOnCpu(Tiny);

        var scores = model.Score(RandomClip(9));
        var video = ScoreAggregation.Mean([scores], model.Contract.Labels);

        AssertClose(Softmax.Compute(scores.Logits), scores.Probabilities);
        Assert.Equal(model.Contract.Labels[scores.TopIndex], video.TopLabel);
        Assert.Equal(Path.GetFullPath(Tiny.OnnxPath), model.ModelPath);
    }

    [Fact]
    public void AClipMissingTheFlowAJointModelNeedsIsRejected()
    {
        var joint = models.Get(new ModelSpec(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Joint, Frames, Size, Size));
        using var model = Models.OpenOnCpu(joint);

        var error = Assert.Throws<ArgumentException>(() => model.Score(RandomClip(1)));

        Assert.Contains("clip 0 has no Flow frames", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs input_of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelWithAFixedBatchOfOneStillScoresSeveralClips()
    {
        var path = HandBuiltModels.Write(models.PathFor("batch1.onnx"), [new HandBuiltModels.Input("input_rgb", TensorElementType.Float, 1, 3 * Frames, Size, Size)], "fc_pred", 1, 3 * Frames);
        File.WriteAllLines(ModelLabels.SiblingPathOf(path), Enumerable.Range(0, 3 * Frames).Select(i => $"plane_{i}"));
        using var model = new ActionModel(path, null, Models.CpuFactory);
        var clips = Enumerable.Range(0, 3).Select(RandomClip).ToArray();

        var scores = model.Score(clips);

        Assert.Equal(3, scores.Count);
        for (var n = 0; n < clips.Length; n++)
        {
            var red0 = clips[n].Rgb!.Data.Where((_, i) => i % 3 == 0).Take(Size * Size).Select(b => (double)Clips.Normalised(b)).Average();
            Assert.Equal(red0, scores[n].Logits[0], 4);
        }
    }

    [Fact]
    public void AnEmptyListScoresToAnEmptyList()
    {
        using var model = Models.OpenOnCpu(Tiny);

        Assert.Empty(model.Score(Array.Empty<ClipInput>()));
    }

    private static ClipInput RandomClip(int seed) =>
        new(Enumerable.Range(0, Frames).ToArray(), Clips.Random(FrameKind.Rgb, Frames, Size, Size, seed), null);

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f * Math.Max(1f, Math.Abs(expected[i])), $"value {i}: {actual[i]} differs from {expected[i]}");
        }
    }
}
