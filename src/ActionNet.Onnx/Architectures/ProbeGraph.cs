using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// The probe: <c>fc_pred[n, j]</c> = spatial mean of channel plane j (j = c*T + t, RGB planes before
/// flow planes), so the logits show exactly which frames and channels reached the model, in order.
/// </summary>
internal static class ProbeGraph
{
    public static void Add(OnnxGraphBuilder builder, IReadOnlyList<ContractInput> inputs, string output) =>
        SpatialMeanFeatures.Add(builder, inputs, output);

    public static int Classes(IReadOnlyList<ContractInput> inputs) => inputs.Sum(input => input.Planes);

    public static IReadOnlyList<string> Labels(IReadOnlyList<ContractInput> inputs) =>
        inputs.SelectMany(input => input.PlaneLabels()).ToList();
}
