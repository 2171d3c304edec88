namespace ActionNet.Onnx.Tests;

public sealed class TinyModelTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(ModelDimensions.TwoD)]
    [InlineData(ModelDimensions.ThreeD)]
    public void TinyGivesDifferentLogitsForDifferentInputsAndTheSameForTheSame(ModelDimensions dimensions)
    {
        var spec = new ModelSpec(ModelArchitecture.Tiny, dimensions, ModelInputs.Rgb, Frames: 4, Height: 8, Width: 8);
        var model = ModelGenerator.Write(spec, temp.File("tiny.onnx"));
        long[] shape = dimensions == ModelDimensions.TwoD ? [1, 12, 8, 8] : [1, 3, 4, 8, 8];

        var first = OnnxRunner.Run(model.OnnxPath, ("input_rgb", OnnxRunner.RandomValues(768, seed: 1), shape)).Values;
        var again = OnnxRunner.Run(model.OnnxPath, ("input_rgb", OnnxRunner.RandomValues(768, seed: 1), shape)).Values;
        var other = OnnxRunner.Run(model.OnnxPath, ("input_rgb", OnnxRunner.RandomValues(768, seed: 2), shape)).Values;

        Assert.Equal(5, first.Length);
        Assert.True(MaxDifference(first, again) < 1e-5f, "tiny logits changed between runs on the same input");
        Assert.True(MaxDifference(first, other) > 1e-3f, "tiny logits did not depend on the input");
    }

    [Fact]
    public void TinyJointLogitsDependOnTheFlowInputToo()
    {
        var spec = new ModelSpec(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Joint, Frames: 2, Height: 4, Width: 4, Classes: 3);
        var model = ModelGenerator.Write(spec, temp.File("tiny-joint.onnx"));
        var rgb = OnnxRunner.RandomValues(96, seed: 3);

        var first = OnnxRunner.Run(model.OnnxPath, ("input_rgb", rgb, [1, 6, 4, 4]), ("input_of", OnnxRunner.RandomValues(64, seed: 4), [1, 4, 4, 4])).Values;
        var other = OnnxRunner.Run(model.OnnxPath, ("input_rgb", rgb, [1, 6, 4, 4]), ("input_of", OnnxRunner.RandomValues(64, seed: 5), [1, 4, 4, 4])).Values;

        Assert.Equal(3, first.Length);
        Assert.True(MaxDifference(first, other) > 1e-3f, "tiny joint logits did not depend on the flow input");
    }

    [Fact]
    public void NonProbeModelsWriteHmdb5LabelsInNvidiaIndexOrder()
    {
        var model = ModelGenerator.Write(ModelPresets.Get("tiny-2d-rgb"), temp.File("tiny.onnx"));

        Assert.Equal(["push", "fall_floor", "walk", "run", "ride_bike"], File.ReadAllLines(model.LabelsPath!));
    }

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b).Max(pair => Math.Abs(pair.First - pair.Second));
}
