using ActionNet.Onnx.Graph;
using Microsoft.ML.OnnxRuntime;
using OrtElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace ActionNet.Onnx.Tests;

public sealed class OnnxGraphBuilderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void BuilderWritesOffContractModelsThatOnnxRuntimeLoadsAsDeclared()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddFloatInput("data", TensorDim.Batch, 96, 224);
        builder.AddInput("frame_ids", TensorElementType.Int64, "N", 4);
        builder.AddNode("ReduceMean", ["data"], "scores", NodeAttribute.Ints("axes", 2), NodeAttribute.Int("keepdims", 0));
        builder.AddFloatOutput("scores", TensorDim.Batch, 96);
        builder.AddOutput("frame_ids", TensorElementType.Int64, "N", 4);
        var path = temp.File("wrong.onnx");
        builder.Save(path);

        using var session = new InferenceSession(path);

        Assert.Equal([-1, 96, 224], session.InputMetadata["data"].Dimensions);
        Assert.Equal(OrtElementType.Int64, session.InputMetadata["frame_ids"].ElementDataType);
        Assert.Equal(["scores", "frame_ids"], session.OutputNames);
    }

    [Fact]
    public void InitializersAndAttributesReachTheRuntime()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddFloatInput("x", 1, 3);
        var weight = builder.AddInitializer("w", [2, 3], [1f, 2f, 3f, -1f, 0f, 0.5f]);
        var bias = builder.AddInitializer("b", [2], [10f, 20f]);
        builder.AddNode("Gemm", ["x", weight, bias], "y", NodeAttribute.Int("transB", 1), NodeAttribute.Float("alpha", 2f));
        builder.AddFloatOutput("y", 1, 2);
        var path = temp.File("gemm.onnx");
        builder.Save(path);

        var (values, shape) = OnnxRunner.Run(path, ("x", [1f, 1f, 2f], [1, 3]));

        Assert.Equal([1L, 2], shape);
        Assert.Equal([2f * 9f + 10f, 2f * 0f + 20f], values);
        Assert.Equal(8, builder.ParameterCount);
        Assert.Equal(File.ReadAllBytes(path), builder.ToBytes());
    }

    [Fact]
    public void BuilderRejectsDuplicateNamesAndInitializersOfTheWrongSize()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddFloatInput("x", 1);

        Assert.Throws<ArgumentException>(() => builder.AddFloatInput("x", 1));
        Assert.Throws<ArgumentException>(() => builder.AddInitializer("w", [2, 2], [1f, 2f, 3f]));
    }
}
