using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Tests;

public sealed class ResNet18ModelTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(ModelDimensions.TwoD, ModelInputs.Rgb, 11.5e6)]
    [InlineData(ModelDimensions.TwoD, ModelInputs.Flow, 11.4e6)]
    [InlineData(ModelDimensions.ThreeD, ModelInputs.Rgb, 33.2e6)]
    [InlineData(ModelDimensions.ThreeD, ModelInputs.Flow, 33.2e6)]
    public void ParameterCountMatchesTheContractTableWithinTwoPercent(ModelDimensions dimensions, ModelInputs inputs, double expected)
    {
        var builder = ModelGenerator.Build(new ModelSpec(ModelArchitecture.ResNet18, dimensions, inputs));

        var parameters = OnnxModelSummary.Read(builder.ToBytes()).ParameterCount;

        Assert.Equal(builder.ParameterCount, parameters);
        Assert.InRange(parameters, expected * 0.98, expected * 1.02);
    }

    [Fact]
    public void TwoDRgbAtContractSizeRunsABatchToFiniteInputDependentLogits()
    {
        var model = ModelGenerator.Write(ModelPresets.Get("resnet18-2d-rgb"), temp.File("resnet18-2d-rgb.onnx"));
        const int sample = 96 * 224 * 224;
        var data = OnnxRunner.RandomValues(2 * sample, seed: 11);

        var (logits, shape) = OnnxRunner.Run(model.OnnxPath, ("input_rgb", data, [2, 96, 224, 224]));

        Assert.Equal([2L, 5], shape);
        Assert.All(logits, logit => Assert.True(float.IsFinite(logit)));
        Assert.True(logits.Take(5).Zip(logits.Skip(5)).Max(pair => Math.Abs(pair.First - pair.Second)) > 1e-4f);
        Assert.Equal(["Conv", "Relu", "MaxPool", "Add", "GlobalAveragePool", "Flatten", "Gemm"], OnnxModelSummary.Read(model.OnnxPath).OperatorTypes);
    }

    [Fact]
    public void ThreeDFlowAtReducedSizeRunsToFiniteLogits()
    {
        var spec = new ModelSpec(ModelArchitecture.ResNet18, ModelDimensions.ThreeD, ModelInputs.Flow, Frames: 8, Height: 112, Width: 112);
        var model = ModelGenerator.Write(spec, temp.File("resnet18-3d-flow.onnx"));
        var data = OnnxRunner.RandomValues(2 * 8 * 112 * 112, seed: 12);

        var (logits, shape) = OnnxRunner.Run(model.OnnxPath, ("input_of", data, [1, 2, 8, 112, 112]));

        Assert.Equal([1L, 5], shape);
        Assert.All(logits, logit => Assert.True(float.IsFinite(logit)));
        Assert.True(logits.Max() - logits.Min() > 1e-4f, "3D logits were all equal");
    }

    [Fact]
    public void JointResNetConcatenatesBothBackbonesBeforeTheClassifier()
    {
        var spec = new ModelSpec(ModelArchitecture.ResNet18, ModelDimensions.TwoD, ModelInputs.Joint, Frames: 2, Height: 32, Width: 32, Classes: 3);
        var model = ModelGenerator.Write(spec, temp.File("resnet18-joint.onnx"));

        var (logits, shape) = OnnxRunner.Run(model.OnnxPath,
            ("input_rgb", OnnxRunner.RandomValues(6 * 32 * 32, seed: 13), [1, 6, 32, 32]),
            ("input_of", OnnxRunner.RandomValues(4 * 32 * 32, seed: 14), [1, 4, 32, 32]));

        Assert.Equal([1L, 3], shape);
        Assert.All(logits, logit => Assert.True(float.IsFinite(logit)));
    }
}
