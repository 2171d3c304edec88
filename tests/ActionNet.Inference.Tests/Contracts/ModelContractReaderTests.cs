using ActionNet.Inference.Contracts;
using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Onnx.Graph;
using ActionNet.Vision.Clips;
using static ActionNet.Inference.Tests.Support.HandBuiltModels;

namespace ActionNet.Inference.Tests.Contracts;

public sealed class ModelContractReaderTests(ModelDirectory models) : IClassFixture<ModelDirectory>
{
    [Theory]
    [InlineData(ModelDimensions.TwoD, TensorLayout.Packed2D)]
    [InlineData(ModelDimensions.ThreeD, TensorLayout.Volumetric3D)]
    public void AnRgbModelsFramesAndSizeComeFromItsShapes(ModelDimensions dimensions, TensorLayout layout)
    {
        var model = models.Get(new ModelSpec(ModelArchitecture.Tiny, dimensions, ModelInputs.Rgb, Frames: 8, Height: 112, Width: 96));

        var contract = ModelContractReader.Read(model.OnnxPath);

        var input = Assert.Single(contract.Inputs);
        Assert.Equal(new ModelInputSpec("input_rgb", FrameKind.Rgb, layout, 3, 8, 112, 96), input);
        Assert.Equal("fc_pred", contract.OutputName);
        Assert.Equal(ModelContract.DefaultLabels, contract.Labels);
        Assert.Equal(8, contract.SourceFramesPerClip);
    }

    [Theory]
    [InlineData(ModelDimensions.TwoD, TensorLayout.Packed2D)]
    [InlineData(ModelDimensions.ThreeD, TensorLayout.Volumetric3D)]
    public void AFlowModelHasTwoChannelsAndNeedsOneMoreSourceFrame(ModelDimensions dimensions, TensorLayout layout)
    {
        var model = models.Get(new ModelSpec(ModelArchitecture.Tiny, dimensions, ModelInputs.Flow, Frames: 5, Height: 40, Width: 56));

        var contract = ModelContractReader.Read(model.OnnxPath);

        Assert.Null(contract.Rgb);
        Assert.Equal(new ModelInputSpec("input_of", FrameKind.Flow, layout, 2, 5, 40, 56), contract.Flow);
        Assert.Equal(6, contract.SourceFramesPerClip);
    }

    [Theory]
    [InlineData(ModelDimensions.TwoD)]
    [InlineData(ModelDimensions.ThreeD)]
    public void AJointModelListsRgbFirstThenFlow(ModelDimensions dimensions)
    {
        var model = models.Get(new ModelSpec(ModelArchitecture.Tiny, dimensions, ModelInputs.Joint, Frames: 4, Height: 24, Width: 20, Classes: 3));

        var contract = ModelContractReader.Read(model.OnnxPath);

        Assert.Equal(["input_rgb", "input_of"], contract.Inputs.Select(i => i.Name));
        Assert.Equal((4, 24, 20), (contract.Frames, contract.Height, contract.Width));
        Assert.Equal(3, contract.ClassCount);
    }

    [Fact]
    public void AFileThatIsNotOnnxIsRejectedInOneLine()
    {
        var path = models.PathFor("notes.txt");
        File.WriteAllText(path, "these are not weights\nsecond line\n");

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Equal("'notes.txt' is not an ONNX model (ONNX Runtime could not parse it)", error.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var path = Path.Combine(models.Root, "absent.onnx");

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.StartsWith("model file 'absent.onnx' not found", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnInputWithAnotherNameIsRejectedNamingWhatWasFound()
    {
        var path = Write(models.PathFor("x.onnx"), [new Input("data", TensorElementType.Float, TensorDim.Batch, 3, 224, 224)]);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Equal(
            "model 'x.onnx' is not usable: found inputs [data float[N,3,224,224]]; expected input_rgb and/or input_of as [N, C*T, H, W] or [N, C, T, H, W]",
            error.Message);
    }

    [Fact]
    public void AnExtraUnknownInputBesideInputRgbIsRejected()
    {
        var path = Write(models.PathFor("extra.onnx"),
            [new Input("input_rgb", TensorElementType.Float, TensorDim.Batch, 6, 4, 4), new Input("mask", TensorElementType.Float, TensorDim.Batch, 1, 4, 4)]);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Contains("mask float[N,1,4,4]", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("and no other inputs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rank 3", "expected rank 4 [N, C*T, H, W] or rank 5 [N, C, T, H, W]", 96, 224)]
    [InlineData("[N,100,8,8]", "divisible by 3", 100, 8, 8)]
    [InlineData("[N,2,4,8,8]", "dimension 1 = 3", 2, 4, 8, 8)]
    [InlineData("[N,6,0,8]", "fixed positive T, H and W", 6, 0, 8)]
    public void AnRgbInputOfTheWrongShapeIsRejected(string found, string expected, params int[] dims)
    {
        TensorDim[] shape = [TensorDim.Batch, .. dims.Select(d => (TensorDim)d)];
        var path = Write(models.PathFor("shape.onnx"), [new Input("input_rgb", TensorElementType.Float, shape)], "fc_pred", TensorDim.Batch, 5);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.StartsWith("model 'shape.onnx' is not usable: found input_rgb float[", error.Message, StringComparison.Ordinal);
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ADynamicFrameAxisIsRejected()
    {
        var path = Write(models.PathFor("dyn.onnx"), [new Input("input_of", TensorElementType.Float, TensorDim.Batch, 2, "T", 8, 8)], "fc_pred", TensorDim.Batch, 5);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Contains("found input_of float[N,2,T,8,8]", error.Message, StringComparison.Ordinal);
        Assert.Contains("fixed positive T, H and W", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInt64InputIsRejected()
    {
        var path = Write(models.PathFor("ints.onnx"), [new Input("input_rgb", TensorElementType.Int64, TensorDim.Batch, 96, 8, 8)], "fc_pred", TensorDim.Batch, 96);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Equal("model 'ints.onnx' is not usable: found input_rgb int64[N,96,8,8]; expected a float32 tensor", error.Message);
    }

    [Fact]
    public void JointInputsThatDisagreeOnFramesAreRejected()
    {
        var path = Write(models.PathFor("joint.onnx"),
            [new Input("input_rgb", TensorElementType.Float, TensorDim.Batch, 24, 8, 8), new Input("input_of", TensorElementType.Float, TensorDim.Batch, 8, 8, 8)],
            "fc_pred", TensorDim.Batch, 32);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Equal(
            "model 'joint.onnx' is not usable: found input_rgb T=8 8x8 and input_of T=4 8x8; expected both inputs of a joint model to share T, H and W",
            error.Message);
    }

    [Fact]
    public void AModelWithoutFcPredIsRejected()
    {
        var path = Write(models.PathFor("logits.onnx"), [new Input("input_rgb", TensorElementType.Float, TensorDim.Batch, 15, 8, 8)], "logits", TensorDim.Batch, 15);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(path));

        Assert.Equal("model 'logits.onnx' is not usable: found outputs [logits float[N,15]]; expected fc_pred as float32 [N, K] with a fixed K", error.Message);
    }
}
