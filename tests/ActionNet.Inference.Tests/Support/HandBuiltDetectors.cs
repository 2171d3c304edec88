using ActionNet.Onnx.Graph;

namespace ActionNet.Inference.Tests.Support;

/// <summary>
/// Detector-shaped models that break (or bend) PeopleNet's contract, written with the generator's graph builder.
/// Only their shapes matter (the contract reader reads metadata and never runs them), but ONNX Runtime replaces a
/// declared output shape by the one it infers, so each output really has its declared shape: the input's mean per
/// batch item, reshaped to the output's rank and expanded to the declared size.
/// </summary>
public static class HandBuiltDetectors
{
    /// <summary>One declared tensor.</summary>
    public sealed record Tensor(string Name, params TensorDim[] Shape);

    /// <summary>Writes a model with the declared <paramref name="input"/> and <paramref name="outputs"/>.</summary>
    public static string Write(string path, Tensor input, params Tensor[] outputs)
    {
        var builder = new OnnxGraphBuilder("hand_built_detector");
        builder.AddFloatInput(input.Name, input.Shape);
        var axes = Enumerable.Range(1, input.Shape.Length - 1).Select(a => (long)a).ToArray();
        var mean = builder.AddNode("ReduceMean", [input.Name], builder.UniqueName("mean"), NodeAttribute.Ints("axes", axes), NodeAttribute.Int("keepdims", 1));
        foreach (var output in outputs)
        {
            long[] ones = [0, .. Enumerable.Repeat(1L, output.Shape.Length - 1)];
            long[] size = [1, .. output.Shape.Skip(1).Select(d => d.Size ?? 1)];
            var rank = builder.AddInitializer(builder.UniqueName("rank"), [ones.Length], ones);
            var target = builder.AddInitializer(builder.UniqueName("size"), [size.Length], size);
            var reshaped = builder.AddNode("Reshape", [mean, rank], builder.UniqueName("reshaped"));
            builder.AddNode("Expand", [reshaped, target], output.Name);
            builder.AddFloatOutput(output.Name, output.Shape);
        }

        builder.Save(path);
        return path;
    }

    /// <summary>PeopleNet's tensors at <paramref name="height"/> x <paramref name="width"/> with a 1/16 grid, batch <paramref name="batch"/>.</summary>
    public static string PeopleNetShaped(string path, TensorDim batch, int classes = 3, int boxPlanes = -1, int height = 544, int width = 960) =>
        Write(
            path,
            new Tensor("input_1:0", batch, 3, height, width),
            new Tensor("output_cov/Sigmoid:0", batch, classes, height / 16, width / 16),
            new Tensor("output_bbox/BiasAdd:0", batch, boxPlanes < 0 ? 4 * classes : boxPlanes, height / 16, width / 16));
}
