using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// ResNet building blocks with seeded random weights, 2D or 3D: a convolution with an eval-mode BatchNorm
/// folded into its weight and bias, ReLU, and the BasicBlock (two 3x3 convolutions and a shortcut that is a
/// strided 1x1 projection when the shape changes). Weights are drawn from the shared seeded generator in
/// the order the blocks are added, so a graph built the same way is byte-identical.
/// </summary>
internal sealed class ResidualBlocks(OnnxGraphBuilder builder, SeededRandom random, bool threeD)
{
    private const float BatchNormEpsilon = 1e-5f;

    public string BasicBlock(string x, int inChannels, int outChannels, int stride, string scope)
    {
        var out1 = Relu(ConvBn(x, inChannels, outChannels, Cube(3), Strides(stride), Cube(1), scope + ".conv1"));
        var out2 = ConvBn(out1, outChannels, outChannels, Cube(3), Strides(1), Cube(1), scope + ".conv2");
        var identity = stride != 1 || inChannels != outChannels
            ? ConvBn(x, inChannels, outChannels, Cube(1), Strides(stride), Cube(0), scope + ".downsample")
            : x;
        var sum = builder.AddNode("Add", [out2, identity], builder.UniqueName(scope + ".add"));
        return Relu(sum);
    }

    /// <summary>A convolution followed by an eval-mode BatchNorm, folded into one Conv with bias.</summary>
    public string ConvBn(string x, int inChannels, int outChannels, int[] kernel, int[] strides, int[] pads, string scope)
    {
        var fanIn = inChannels * kernel.Aggregate(1, (product, k) => product * k);
        var weights = new float[outChannels * fanIn];
        var bias = new float[outChannels];

        // He-uniform keeps the activation scale roughly constant through conv + ReLU.
        random.FillUniform(weights, MathF.Sqrt(6f / fanIn));
        for (var o = 0; o < outChannels; o++)
        {
            var gamma = random.NextFloat(0.8f, 1.2f);
            var beta = random.NextFloat(-0.1f, 0.1f);
            var mean = random.NextFloat(-0.1f, 0.1f);
            var variance = random.NextFloat(0.8f, 1.2f);
            var scale = gamma / MathF.Sqrt(variance + BatchNormEpsilon);
            foreach (ref var weight in weights.AsSpan(o * fanIn, fanIn))
            {
                weight *= scale;
            }

            bias[o] = beta - mean * scale;
        }

        long[] weightDims = [outChannels, inChannels, .. kernel.Select(k => (long)k)];
        var w = builder.AddInitializer(scope + ".weight", weightDims, weights);
        var b = builder.AddInitializer(scope + ".bias", [outChannels], bias);
        return builder.AddNode("Conv", [x, w, b], builder.UniqueName(scope),
            NodeAttribute.Ints("kernel_shape", [.. kernel.Select(k => (long)k)]),
            NodeAttribute.Ints("strides", [.. strides.Select(s => (long)s)]),
            NodeAttribute.Ints("pads", [.. pads.Concat(pads).Select(p => (long)p)]));
    }

    public string Relu(string x) => builder.AddNode("Relu", [x], builder.UniqueName("relu"));

    public int[] Cube(int size) => threeD ? [size, size, size] : [size, size];

    /// <summary>Residual strides: spatial only, temporal stride stays 1 (resnet3d.py's (1, s, s)).</summary>
    public int[] Strides(int stride) => threeD ? [1, stride, stride] : [stride, stride];
}
