using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Tests.Scoring;

/// <summary>
/// The probe model's logit j is the spatial mean of packed input channel j (j = c*T + t, RGB before
/// flow), so each logit shows which colour of which frame landed where.
/// </summary>
public sealed class ProbeModelPackingTests(ModelDirectory models) : IClassFixture<ModelDirectory>
{
    private const int Frames = 6;
    private const int Height = 7;
    private const int Width = 5;

    private static readonly int[] RgbBase = [10, 100, 200];
    private static readonly int[] FlowBase = [30, 160];

    [Theory]
    [InlineData(ModelDimensions.TwoD)]
    [InlineData(ModelDimensions.ThreeD)]
    public void RgbFramesReachTheModelAsRedPlanesThenGreenThenBlue(ModelDimensions dimensions)
    {
        using var model = Models.OpenOnCpu(models.Get(Probe(dimensions, ModelInputs.Rgb)));
        var clip = new ClipInput(Enumerable.Range(0, Frames).ToArray(), Clips.Uniform(FrameKind.Rgb, Frames, Height, Width, (t, c) => RgbBase[c] + t), null);

        var logits = model.Score(clip).Logits;

        AssertPlanes(logits, 0, RgbBase);
        Assert.Equal(3 * Frames, logits.Length);
    }

    [Theory]
    [InlineData(ModelDimensions.TwoD)]
    [InlineData(ModelDimensions.ThreeD)]
    public void FlowFramesReachTheModelAsUPlanesThenVPlanes(ModelDimensions dimensions)
    {
        using var model = Models.OpenOnCpu(models.Get(Probe(dimensions, ModelInputs.Flow)));
        var clip = new ClipInput(Enumerable.Range(0, Frames).ToArray(), null, Clips.Uniform(FrameKind.Flow, Frames, Height, Width, (t, c) => FlowBase[c] + t));

        var logits = model.Score(clip).Logits;

        AssertPlanes(logits, 0, FlowBase);
        Assert.Equal(2 * Frames, logits.Length);
    }

    [Theory]
    [InlineData(ModelDimensions.TwoD)]
    [InlineData(ModelDimensions.ThreeD)]
    public void AJointModelGetsRgbAndFlowInOneRun(ModelDimensions dimensions)
    {
        using var model = Models.OpenOnCpu(models.Get(Probe(dimensions, ModelInputs.Joint)));
        var clip = new ClipInput(
            Enumerable.Range(0, Frames).ToArray(),
            Clips.Uniform(FrameKind.Rgb, Frames, Height, Width, (t, c) => RgbBase[c] + t),
            Clips.Uniform(FrameKind.Flow, Frames, Height, Width, (t, c) => FlowBase[c] + t));

        var logits = model.Score(clip).Logits;

        AssertPlanes(logits, 0, RgbBase);
        AssertPlanes(logits, 3 * Frames, FlowBase);
        Assert.Equal(5 * Frames, logits.Length);
    }

    [Fact]
    public void ClipsInABatchKeepTheirOwnFrames()
    {
        using var model = Models.OpenOnCpu(models.Get(Probe(ModelDimensions.TwoD, ModelInputs.Rgb)));
        var clips = Enumerable.Range(0, 3)
            .Select(n => new ClipInput([n], Clips.Uniform(FrameKind.Rgb, Frames, Height, Width, (t, c) => RgbBase[c] + t + (10 * n)), null))
            .ToArray();

        var scores = model.Score(clips);

        for (var n = 0; n < clips.Length; n++)
        {
            AssertPlanes(scores[n].Logits, 0, RgbBase.Select(b => b + (10 * n)).ToArray());
        }
    }

    private static ModelSpec Probe(ModelDimensions dimensions, ModelInputs inputs) =>
        new(ModelArchitecture.Probe, dimensions, inputs, Frames, Height, Width);

    private static void AssertPlanes(float[] logits, int offset, int[] channelBase)
    {
        for (var c = 0; c < channelBase.Length; c++)
        {
            for (var t = 0; t < Frames; t++)
            {
                var expected = Clips.Normalised(channelBase[c] + t);
                var actual = logits[offset + (c * Frames) + t];
                Assert.True(Math.Abs(expected - actual) < 1e-5, $"logit {offset + (c * Frames) + t} (channel {c}, frame {t}) is {actual}; expected {expected}");
            }
        }
    }
}
