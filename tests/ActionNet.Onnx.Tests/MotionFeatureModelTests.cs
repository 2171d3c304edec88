using ActionNet.Inference.Contracts;
using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Onnx.Tests;

/// <summary>The demo model's graph: contract-exact, and its features know which way time runs.</summary>
public sealed class MotionFeatureModelTests : IDisposable
{
    private const int Frames = 8;
    private const int Size = 16;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TheClassifierFollowsTheTwoDimensionalRgbContractAndItsLogitsAreTheLinearLayerOfTheFeatures()
    {
        var features = MotionFeatureModel.FeatureCount(ModelInputs.Rgb, Frames);
        var weights = OnnxRunner.RandomValues(5 * features, seed: 3);
        var biases = OnnxRunner.RandomValues(5, seed: 4);
        var classifier = temp.File("motion.onnx");
        var extractor = temp.File("features.onnx");
        MotionFeatureModel.Build(ModelInputs.Rgb, Frames, Size, Size, new LinearHead(weights, biases)).Save(classifier);
        MotionFeatureModel.BuildFeatures(ModelInputs.Rgb, Frames, Size, Size).Save(extractor);
        File.WriteAllText(ModelGenerator.LabelsPathFor(classifier), string.Join('\n', ModelGenerator.Hmdb5Labels) + "\n");

        var contract = ModelContractReader.Read(classifier, ModelGenerator.LabelsPathFor(classifier));
        var input = Assert.Single(contract.Inputs);
        Assert.Equal(("input_rgb", TensorLayout.Packed2D, 3, Frames, Size, Size), (input.Name, input.Layout, input.Channels, input.Frames, input.Height, input.Width));
        Assert.Equal(("fc_pred", 5), (contract.OutputName, contract.ClassCount));
        Assert.Equal(ModelGenerator.Hmdb5Labels, contract.Labels);

        var clip = MovingBlock(reversed: false);
        long[] shape = [2, 3 * Frames, Size, Size];
        float[] batch = [.. clip, .. MovingBlock(reversed: true)];
        var (logits, logitShape) = OnnxRunner.Run(classifier, ("input_rgb", batch, shape));
        var (values, featureShape) = OnnxRunner.Run(extractor, ("input_rgb", batch, shape));
        Assert.Equal([2, 5], logitShape);
        Assert.Equal([2, features], featureShape);
        for (var n = 0; n < 2; n++)
        {
            for (var k = 0; k < 5; k++)
            {
                var expected = biases[k] + Enumerable.Range(0, features).Sum(j => (double)weights[(k * features) + j] * values[(n * features) + j]);
                Assert.Equal(expected, logits[(n * 5) + k], 3);
            }
        }
    }

    [Fact]
    public void ReversingTheClipInTimeNegatesTheTrendFeaturesAndMovesTheForegroundTheOtherWay()
    {
        var extractor = temp.File("features.onnx");
        MotionFeatureModel.BuildFeatures(ModelInputs.Rgb, Frames, Size, Size).Save(extractor);
        var features = MotionFeatureModel.FeatureCount(ModelInputs.Rgb, Frames);
        long[] shape = [1, 3 * Frames, Size, Size];

        var (forward, _) = OnnxRunner.Run(extractor, ("input_rgb", MovingBlock(reversed: false), shape));
        var (backward, _) = OnnxRunner.Run(extractor, ("input_rgb", MovingBlock(reversed: true), shape));

        // The last four features are trends (second half minus first half); the block moves down, so
        // the foreground's vertical trend is positive forwards and negative backwards.
        var trendY = features - 4;
        Assert.True(forward[trendY] > 0.05, $"forward vertical trend {forward[trendY]}");

        // Before them: mean |v_x|, mean v_y, speed change, speed peak. Lucas-Kanade sees the block go
        // down (v_y > 0) forwards and up backwards, and hardly move sideways.
        var meanVelocityY = features - 7;
        Assert.True(forward[meanVelocityY] > 0.1, $"forward mean v_y {forward[meanVelocityY]}");
        Assert.True(backward[meanVelocityY] < -0.1, $"backward mean v_y {backward[meanVelocityY]}");
        Assert.True(Math.Abs(forward[meanVelocityY - 1]) < Math.Abs(forward[meanVelocityY]) / 4, $"mean |v_x| {forward[meanVelocityY - 1]} against v_y {forward[meanVelocityY]}");
        for (var j = features - 4; j < features; j++)
        {
            Assert.Equal(-forward[j], backward[j], 3);
        }

        Assert.NotEqual(forward, backward);
    }

    [Fact]
    public void AHeadOfTheWrongWidthIsRefused()
    {
        var wrong = new LinearHead(new float[5 * 7], new float[5]);

        var error = Assert.Throws<ArgumentException>(() => MotionFeatureModel.Build(ModelInputs.Rgb, Frames, Size, Size, wrong));

        Assert.Contains($"5 x {MotionFeatureModel.FeatureCount(ModelInputs.Rgb, Frames)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameHeadWritesTheSameBytesAndOnnxRuntimeLoadsThem()
    {
        var features = MotionFeatureModel.FeatureCount(ModelInputs.Rgb, Frames);
        var head = new LinearHead(OnnxRunner.RandomValues(5 * features, seed: 1), OnnxRunner.RandomValues(5, seed: 2));

        var first = MotionFeatureModel.Build(ModelInputs.Rgb, Frames, Size, Size, head).ToBytes();
        var second = MotionFeatureModel.Build(ModelInputs.Rgb, Frames, Size, Size, head).ToBytes();

        Assert.Equal(first, second);
        using var session = new InferenceSession(first);
        Assert.Equal(["input_rgb"], session.InputNames);
        Assert.Equal(["fc_pred"], session.OutputNames);
    }

    /// <summary>A bright 4x4 block on a dark clip, moving down one row per frame (or up, reversed); packed c*T + t, in [-1, 1].</summary>
    private static float[] MovingBlock(bool reversed)
    {
        var clip = new float[3 * Frames * Size * Size];
        Array.Fill(clip, -0.8f);
        for (var t = 0; t < Frames; t++)
        {
            var top = 2 + (reversed ? Frames - 1 - t : t);
            for (var c = 0; c < 3; c++)
            {
                for (var y = top; y < top + 4; y++)
                {
                    for (var x = 6; x < 10; x++)
                    {
                        clip[(((c * Frames) + t) * Size * Size) + (y * Size) + x] = 0.9f;
                    }
                }
            }
        }

        return clip;
    }
}
