using ActionNet.Onnx.Graph;

namespace ActionNet.Inference.Tests.Support;

/// <summary>Deliberately wrong (or unusual) models written with the generator's graph builder.</summary>
public static class HandBuiltModels
{
    /// <summary>One graph input as the test wants it declared.</summary>
    public sealed record Input(string Name, TensorElementType Type, params TensorDim[] Shape);

    /// <summary>
    /// Writes a model whose output <paramref name="outputName"/> is the spatial mean of every input
    /// plane (cast to float), declared as [<paramref name="outputShape"/>].
    /// </summary>
    public static string Write(string path, IReadOnlyList<Input> inputs, string outputName = "fc_pred", params TensorDim[] outputShape)
    {
        var builder = new OnnxGraphBuilder("hand_built");
        var features = new List<string>();
        foreach (var input in inputs)
        {
            builder.AddInput(input.Name, input.Type, input.Shape);
            var asFloat = builder.AddNode("Cast", [input.Name], builder.UniqueName("as_float"), NodeAttribute.Int("to", (long)TensorElementType.Float));
            var axes = Enumerable.Range(2, input.Shape.Length - 2).Select(a => (long)a).ToArray();
            var mean = builder.AddNode("ReduceMean", [asFloat], builder.UniqueName("mean"), NodeAttribute.Ints("axes", axes), NodeAttribute.Int("keepdims", 0));
            features.Add(builder.AddNode("Flatten", [mean], builder.UniqueName("flat"), NodeAttribute.Int("axis", 1)));
        }

        builder.AddNode("Concat", features, outputName, NodeAttribute.Int("axis", 1));
        builder.AddFloatOutput(outputName, outputShape.Length > 0 ? outputShape : [TensorDim.Batch, "K"]);
        builder.Save(path);
        return path;
    }
}
