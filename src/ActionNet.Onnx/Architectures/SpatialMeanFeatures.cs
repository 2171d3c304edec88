using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// The spatial mean of every input channel plane, as [N, C*T] per input in the 2D packed order
/// (index c*T + t), concatenated across inputs (RGB first, then flow). 3D inputs are averaged over
/// H and W to [N, C, T] and flattened row-major, which yields the same c*T + t order.
/// </summary>
internal static class SpatialMeanFeatures
{
    /// <summary>Adds the feature nodes; the final tensor gets <paramref name="outputName"/> when given.</summary>
    /// <returns>The name of the [N, sum(C*T)] feature tensor.</returns>
    public static string Add(OnnxGraphBuilder builder, IReadOnlyList<ContractInput> inputs, string? outputName = null)
    {
        var single = inputs.Count == 1;
        string Final(string prefix) => single && outputName is not null ? outputName : builder.UniqueName(prefix);

        var features = new List<string>(inputs.Count);
        foreach (var input in inputs)
        {
            if (input.IsThreeD)
            {
                var mean = builder.AddNode("ReduceMean", [input.Name], builder.UniqueName("spatial_mean"),
                    NodeAttribute.Ints("axes", 3, 4), NodeAttribute.Int("keepdims", 0));
                features.Add(builder.AddNode("Flatten", [mean], Final("plane_means"), NodeAttribute.Int("axis", 1)));
            }
            else
            {
                features.Add(builder.AddNode("ReduceMean", [input.Name], Final("plane_means"),
                    NodeAttribute.Ints("axes", 2, 3), NodeAttribute.Int("keepdims", 0)));
            }
        }

        return single
            ? features[0]
            : builder.AddNode("Concat", features, outputName ?? builder.UniqueName("plane_means"), NodeAttribute.Int("axis", 1));
    }
}
