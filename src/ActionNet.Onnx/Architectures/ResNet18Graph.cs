using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// TAO's ResNet18 backbones with seeded random weights and BatchNorm folded into each convolution's
/// weight and bias, as an eval-mode export has it. 2D: stock ResNet18 whose 7x7 stem takes C*T
/// channels. 3D (tao_pytorch_backend model/resnet3d.py): stem Conv3d (5,7,7) stride 2 pad (2,3,3),
/// max-pool (1,3,3) stride 2 pad (0,1,1), BasicBlock3d with 3x3x3 convs and strides (1,s,s).
/// Both: stages of [2,2,2,2] blocks with 64/128/256/512 channels, global average pool, fc 512 -> K.
/// Joint models run one backbone per input and concatenate the pooled features before the fc.
/// </summary>
internal sealed class ResNet18Graph
{
    private static readonly int[] StageChannels = [64, 128, 256, 512];

    private readonly OnnxGraphBuilder builder;
    private readonly ResidualBlocks blocks;
    private readonly bool threeD;

    private ResNet18Graph(OnnxGraphBuilder builder, SeededRandom random, bool threeD)
    {
        this.builder = builder;
        blocks = new ResidualBlocks(builder, random, threeD);
        this.threeD = threeD;
    }

    public static void Add(OnnxGraphBuilder builder, IReadOnlyList<ContractInput> inputs, int classes, SeededRandom random, string output)
    {
        var features = new List<string>(inputs.Count);
        foreach (var input in inputs)
        {
            var backbone = new ResNet18Graph(builder, random, input.IsThreeD);
            var scope = inputs.Count == 1 ? string.Empty : (input.Name == ContractInput.RgbName ? "rgb." : "of.");
            features.Add(backbone.Backbone(input, scope));
        }

        var pooled = features.Count == 1
            ? features[0]
            : builder.AddNode("Concat", features, builder.UniqueName("features"), NodeAttribute.Int("axis", 1));
        var featureCount = StageChannels[^1] * inputs.Count;
        var bound = 1f / MathF.Sqrt(featureCount);
        var weights = new float[classes * featureCount];
        var bias = new float[classes];
        random.FillUniform(weights, bound);
        random.FillUniform(bias, bound);
        var w = builder.AddInitializer("fc.weight", [classes, featureCount], weights);
        var b = builder.AddInitializer("fc.bias", [classes], bias);
        builder.AddNode("Gemm", [pooled, w, b], output, NodeAttribute.Int("transB", 1));
    }

    private string Backbone(ContractInput input, string scope)
    {
        var inChannels = threeD ? input.Channels : input.Planes;
        var x = threeD
            ? blocks.ConvBn(input.Name, inChannels, 64, [5, 7, 7], [2, 2, 2], [2, 3, 3], scope + "conv1")
            : blocks.ConvBn(input.Name, inChannels, 64, [7, 7], [2, 2], [3, 3], scope + "conv1");
        x = blocks.Relu(x);
        x = threeD
            ? builder.AddNode("MaxPool", [x], builder.UniqueName(scope + "maxpool"),
                NodeAttribute.Ints("kernel_shape", 1, 3, 3), NodeAttribute.Ints("strides", 2, 2, 2), NodeAttribute.Ints("pads", 0, 1, 1, 0, 1, 1))
            : builder.AddNode("MaxPool", [x], builder.UniqueName(scope + "maxpool"),
                NodeAttribute.Ints("kernel_shape", 3, 3), NodeAttribute.Ints("strides", 2, 2), NodeAttribute.Ints("pads", 1, 1, 1, 1));

        var channels = 64;
        for (var stage = 0; stage < StageChannels.Length; stage++)
        {
            for (var block = 0; block < 2; block++)
            {
                var stride = stage > 0 && block == 0 ? 2 : 1;
                x = blocks.BasicBlock(x, channels, StageChannels[stage], stride, $"{scope}layer{stage + 1}.{block}");
                channels = StageChannels[stage];
            }
        }

        var pooled = builder.AddNode("GlobalAveragePool", [x], builder.UniqueName(scope + "avgpool"));
        return builder.AddNode("Flatten", [pooled], builder.UniqueName(scope + "flatten"), NodeAttribute.Int("axis", 1));
    }
}
