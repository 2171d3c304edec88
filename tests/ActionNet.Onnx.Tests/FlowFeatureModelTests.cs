using ActionNet.Inference.Contracts;

namespace ActionNet.Onnx.Tests;

/// <summary>The flow demo model's graph: contract-exact (<c>input_of</c>), and its features know which way the flow runs.</summary>
public sealed class FlowFeatureModelTests : IDisposable
{
    private const int Frames = 8;
    private const int Size = 16;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TheFlowClassifierFollowsTheTwoDimensionalFlowContractAndItsLogitsAreTheLinearLayerOfTheFeatures()
    {
        var features = MotionFeatureModel.FeatureCount(ModelInputs.Flow, Frames);
        var weights = OnnxRunner.RandomValues(5 * features, seed: 3);
        var biases = OnnxRunner.RandomValues(5, seed: 4);
        var classifier = temp.File("flow.onnx");
        var extractor = temp.File("flow-features.onnx");
        MotionFeatureModel.Build(ModelInputs.Flow, Frames, Size, Size, new LinearHead(weights, biases)).Save(classifier);
        MotionFeatureModel.BuildFeatures(ModelInputs.Flow, Frames, Size, Size).Save(extractor);
        File.WriteAllText(ModelGenerator.LabelsPathFor(classifier), string.Join('\n', ModelGenerator.Hmdb5Labels) + "\n");

        var contract = ModelContractReader.Read(classifier, ModelGenerator.LabelsPathFor(classifier));
        var input = Assert.Single(contract.Inputs);
        Assert.Equal(("input_of", TensorLayout.Packed2D, 2, Frames, Size, Size), (input.Name, input.Layout, input.Channels, input.Frames, input.Height, input.Width));
        Assert.Equal(("fc_pred", 5), (contract.OutputName, contract.ClassCount));

        long[] shape = [2, 2 * Frames, Size, Size];
        float[] batch = [.. FallingBlock(reversed: false), .. FallingBlock(reversed: true)];
        var (logits, logitShape) = OnnxRunner.Run(classifier, ("input_of", batch, shape));
        var (values, featureShape) = OnnxRunner.Run(extractor, ("input_of", batch, shape));
        Assert.Equal([2, 5], logitShape);
        Assert.Equal([2, features], featureShape);
        Assert.All(values, v => Assert.True(float.IsFinite(v)));
        for (var n = 0; n < 2; n++)
        {
            for (var k = 0; k < 5; k++)
            {
                var expected = biases[k] + Enumerable.Range(0, features).Sum(j => (double)weights[(k * features) + j] * values[(n * features) + j]);
                Assert.Equal(expected, logits[(n * 5) + k], 2);
            }
        }
    }

    [Fact]
    public void ReversingAFlowClipInTimeTurnsItsVerticalFlowAround()
    {
        var extractor = temp.File("flow-features.onnx");
        MotionFeatureModel.BuildFeatures(ModelInputs.Flow, Frames, Size, Size).Save(extractor);
        long[] shape = [1, 2 * Frames, Size, Size];

        var (forward, _) = OnnxRunner.Run(extractor, ("input_of", FallingBlock(reversed: false), shape));
        var (backward, _) = OnnxRunner.Run(extractor, ("input_of", FallingBlock(reversed: true), shape));

        // After the 13 per-frame rows of the moving region come its clip means: mean magnitude, largest
        // magnitude, moving mass, fast mass, |u| and then signed v (down is positive).
        var meanV = (13 * Frames) + 5;
        Assert.True(forward[meanV] > 0.5, $"forward mean v {forward[meanV]}");
        Assert.True(backward[meanV] < -0.5, $"backward mean v {backward[meanV]}");
        Assert.True(forward[meanV - 1] < 0.1, $"mean |u| {forward[meanV - 1]} of a block that only falls");
    }

    /// <summary>
    /// The flow of a 4x4 block falling one row per frame: v = 0.8 on the block, 0 elsewhere, packed
    /// [u0..u(T-1), v0..v(T-1)]; reversed in time, the block rises (the frames in reverse order, v negated).
    /// </summary>
    private static float[] FallingBlock(bool reversed)
    {
        var plane = Size * Size;
        var clip = new float[2 * Frames * plane];
        for (var t = 0; t < Frames; t++)
        {
            var top = 2 + (reversed ? Frames - 1 - t : t);
            for (var y = top; y < top + 4; y++)
            {
                for (var x = 6; x < 10; x++)
                {
                    clip[((Frames + t) * plane) + (y * Size) + x] = reversed ? -0.8f : 0.8f;
                }
            }
        }

        return clip;
    }
}
