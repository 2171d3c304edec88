using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// The probe detector (see <see cref="DetectorArchitecture.Probe"/>): every cell's channel means P by one
/// AveragePool with kernel = stride = 16, coverage = P gathered to plane c = P[c mod 3], boxes = P gathered
/// to [G, B, G, B] per class and scaled by [2, 4, 2, 4].
/// </summary>
internal static class DetectorProbeGraph
{
    public static void Add(OnnxGraphBuilder builder, string input, int classes, string coverage, string boxes)
    {
        var stride = DetectorGenerator.Stride;
        var pooled = builder.AddNode("AveragePool", [input], builder.UniqueName("cell_means"),
            NodeAttribute.Ints("kernel_shape", stride, stride), NodeAttribute.Ints("strides", stride, stride));

        var coverageIndices = builder.AddInitializer("coverage_channels", [classes], Enumerable.Range(0, classes).Select(c => (long)(c % 3)).ToArray());
        builder.AddNode("Gather", [pooled, coverageIndices], coverage, NodeAttribute.Int("axis", 1));

        long[] green = [1, 2, 1, 2];
        float[] scale = [DetectorGenerator.ProbeBoxScaleX, DetectorGenerator.ProbeBoxScaleY, DetectorGenerator.ProbeBoxScaleX, DetectorGenerator.ProbeBoxScaleY];
        var boxIndices = builder.AddInitializer("box_channels", [4 * classes], Enumerable.Repeat(green, classes).SelectMany(g => g).ToArray());
        var boxScale = builder.AddInitializer("box_scale", [1, 4 * classes, 1, 1], Enumerable.Repeat(scale, classes).SelectMany(s => s).ToArray());
        var gathered = builder.AddNode("Gather", [pooled, boxIndices], builder.UniqueName("box_means"), NodeAttribute.Int("axis", 1));
        builder.AddNode("Mul", [gathered, boxScale], boxes);
    }
}
