using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// A PeopleNet-sized DetectNet_v2 with seeded random weights, to measure what the real model costs: a ResNet18
/// backbone to 1/16 of the input (stem 7x7/2 then BasicBlock stages of 64, 128, 256, 512 channels with strides
/// 2, 2, 2, 1, as TAO's DetectNet_v2 template builds it without pooling so the fourth stage keeps stride 16), and
/// the two 1x1 heads: <c>output_cov</c> (C planes through a Sigmoid) and <c>output_bbox</c> (4C planes).
/// </summary>
internal static class DetectNetV2Graph
{
    private static readonly (int Channels, int Stride)[] Stages = [(64, 2), (128, 2), (256, 2), (512, 1)];

    // Random backbone features are large (a plain-scaled coverage head saturates the Sigmoid at ~0.99 in every cell),
    // so the coverage head gets small weights and a bias well below zero: like a trained detector looking at an empty
    // scene, cells stay under the thresholds (sigmoid(-4) = 0.018) and a cost run times the network, not NMS over
    // every cell of the grid.
    private const float CoverageBias = -4f;
    private const float CoverageWeightScale = 0.01f;

    public static void Add(OnnxGraphBuilder builder, string input, int classes, SeededRandom random, string coverage, string boxes)
    {
        var blocks = new ResidualBlocks(builder, random, threeD: false);
        var x = blocks.Relu(blocks.ConvBn(input, 3, 64, [7, 7], [2, 2], [3, 3], "conv1"));
        var channels = 64;
        for (var stage = 0; stage < Stages.Length; stage++)
        {
            var (outChannels, stride) = Stages[stage];
            for (var block = 0; block < 2; block++)
            {
                x = blocks.BasicBlock(x, channels, outChannels, block == 0 ? stride : 1, $"block_{stage + 1}{(char)('a' + block)}");
                channels = outChannels;
            }
        }

        var logits = Head(builder, random, x, channels, classes, CoverageWeightScale, CoverageBias, "output_cov", builder.UniqueName("output_cov"));
        builder.AddNode("Sigmoid", [logits], coverage);
        Head(builder, random, x, channels, 4 * classes, 1f, 0f, "output_bbox", boxes);
    }

    private static string Head(OnnxGraphBuilder builder, SeededRandom random, string x, int inChannels, int outChannels, float weightScale, float bias, string scope, string output)
    {
        var weights = new float[outChannels * inChannels];
        random.FillUniform(weights, weightScale / MathF.Sqrt(inChannels));
        var w = builder.AddInitializer(scope + ".weight", [outChannels, inChannels, 1, 1], weights);
        var b = builder.AddInitializer(scope + ".bias", [outChannels], Enumerable.Repeat(bias, outChannels).ToArray());
        return builder.AddNode("Conv", [x, w, b], output, NodeAttribute.Ints("kernel_shape", 1, 1));
    }
}
