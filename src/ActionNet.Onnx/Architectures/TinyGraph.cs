using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// The tiny model: spatial mean of every channel plane, then one fully-connected layer with seeded
/// weights to the class count. Costs next to nothing, yet different inputs give different logits.
/// </summary>
internal static class TinyGraph
{
    public static void Add(OnnxGraphBuilder builder, IReadOnlyList<ContractInput> inputs, int classes, SeededRandom random, string output)
    {
        var features = SpatialMeanFeatures.Add(builder, inputs);
        var featureCount = inputs.Sum(input => input.Planes);
        var weights = new float[classes * featureCount];
        var bias = new float[classes];
        random.FillUniform(weights, 1f);
        random.FillUniform(bias, 0.1f);
        var w = builder.AddInitializer("fc.weight", [classes, featureCount], weights);
        var b = builder.AddInitializer("fc.bias", [classes], bias);
        builder.AddNode("Gemm", [features, w, b], output, NodeAttribute.Int("transB", 1));
    }
}
