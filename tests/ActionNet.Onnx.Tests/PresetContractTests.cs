using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Onnx.Tests;

public sealed class PresetContractTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public static TheoryData<string> PresetNames => [.. ModelPresets.Names];

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CatalogueHoldsTheFourteenAgreedPresets()
    {
        Assert.Equal(
            ["tiny-2d-rgb", "tiny-3d-rgb", "tiny-2d-flow", "tiny-3d-flow", "tiny-joint",
             "probe-2d-rgb", "probe-3d-rgb", "probe-2d-flow", "probe-3d-flow", "probe-joint",
             "resnet18-2d-rgb", "resnet18-2d-flow", "resnet18-3d-rgb", "resnet18-3d-flow"],
            ModelPresets.Names);
    }

    [Fact]
    public void UnknownPresetNameFailsListingTheValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelPresets.Get("resnet50-2d-rgb"));

        Assert.Contains("resnet50-2d-rgb", error.Message, StringComparison.Ordinal);
        Assert.Contains("tiny-2d-rgb, tiny-3d-rgb", error.Message, StringComparison.Ordinal);
        Assert.Contains("resnet18-3d-flow", error.Message, StringComparison.Ordinal);
        Assert.False(ModelPresets.TryGet("nope", out _));
        Assert.Equal(ModelPresets.Get("probe-joint"), ModelPresets.Get("PROBE-JOINT"));
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void EveryPresetLoadsInOnnxRuntimeWithTheNvidiaTensorContract(string name)
    {
        var spec = ModelPresets.Get(name);
        var model = ModelGenerator.Write(spec, temp.File(name + ".onnx"));

        using var session = new InferenceSession(model.OnnxPath);

        var expectedInputs = spec.Inputs switch
        {
            ModelInputs.Rgb => new[] { ("input_rgb", 3) },
            ModelInputs.Flow => [("input_of", 2)],
            _ => [("input_rgb", 3), ("input_of", 2)],
        };
        Assert.Equal(expectedInputs.Select(input => input.Item1), session.InputNames);
        foreach (var (inputName, channels) in expectedInputs)
        {
            var input = session.InputMetadata[inputName];
            Assert.Equal(typeof(float), input.ElementType);
            Assert.Equal("N", input.SymbolicDimensions[0]);
            int[] expectedDims = spec.Dimensions == ModelDimensions.TwoD ? [-1, channels * 32, 224, 224] : [-1, channels, 32, 224, 224];
            Assert.Equal(expectedDims, input.Dimensions);
        }

        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("fc_pred", output.Key);
        Assert.Equal(typeof(float), output.Value.ElementType);
        Assert.Equal("N", output.Value.SymbolicDimensions[0]);
        Assert.Equal([-1, model.Spec.Classes], output.Value.Dimensions);
        Assert.Equal(File.ReadAllLines(model.LabelsPath!).Length, model.Spec.Classes);
    }

    [Fact]
    public void ModelWithOtherFramesAndSizeReportsThoseDimensions()
    {
        var spec = new ModelSpec(ModelArchitecture.Tiny, ModelDimensions.ThreeD, ModelInputs.Joint, Frames: 8, Height: 112, Width: 160, Classes: 7);
        var model = ModelGenerator.Write(spec, temp.File("custom.onnx"));

        using var session = new InferenceSession(model.OnnxPath);

        Assert.Equal([-1, 3, 8, 112, 160], session.InputMetadata["input_rgb"].Dimensions);
        Assert.Equal([-1, 2, 8, 112, 160], session.InputMetadata["input_of"].Dimensions);
        Assert.Equal([-1, 7], session.OutputMetadata["fc_pred"].Dimensions);
        Assert.Equal(7, File.ReadAllLines(model.LabelsPath!).Length);
    }

    [Fact]
    public void TwoDModelWithOtherFramesPacksChannelsTimesFrames()
    {
        var spec = new ModelSpec(ModelArchitecture.Probe, ModelDimensions.TwoD, ModelInputs.Flow, Frames: 16, Height: 96, Width: 128);
        var model = ModelGenerator.Write(spec, temp.File("probe16.onnx"));

        using var session = new InferenceSession(model.OnnxPath);

        Assert.Equal([-1, 32, 96, 128], session.InputMetadata["input_of"].Dimensions);
        Assert.Equal([-1, 32], session.OutputMetadata["fc_pred"].Dimensions);
    }
}
