using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(ModelArchitecture.Tiny)]
    [InlineData(ModelArchitecture.ResNet18)]
    public void SameSpecWritesIdenticalBytesAndAnotherSeedDoesNot(ModelArchitecture architecture)
    {
        var spec = new ModelSpec(architecture, ModelDimensions.TwoD, ModelInputs.Rgb, Frames: 2, Height: 32, Width: 32, Seed: 42);

        var first = ModelGenerator.Write(spec, temp.File("a.onnx"));
        var second = ModelGenerator.Write(spec, temp.File("b.onnx"));
        var reseeded = ModelGenerator.Build(spec with { Seed = 43 }).ToBytes();

        var bytes = File.ReadAllBytes(first.OnnxPath);
        Assert.Equal(bytes, File.ReadAllBytes(second.OnnxPath));
        Assert.Equal(bytes, ModelGenerator.Build(spec).ToBytes());
        Assert.NotEqual(bytes, reseeded);
    }

    [Fact]
    public void GeneratedModelsDeclareOpset17IrVersion8AndProducerActionnet()
    {
        var model = ModelGenerator.Write(ModelPresets.Get("probe-3d-rgb"), temp.File("probe.onnx"));

        var summary = OnnxModelSummary.Read(model.OnnxPath);

        Assert.Equal(17, summary.OpsetVersion);
        Assert.Equal(8, summary.IrVersion);
        Assert.Equal("actionnet", summary.ProducerName);
        Assert.Equal(["input_rgb"], summary.InputNames);
        Assert.Equal(["fc_pred"], summary.OutputNames);
        Assert.DoesNotContain("Softmax", summary.OperatorTypes);
    }
}
