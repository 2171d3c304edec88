using ActionNet.Onnx.Architectures;
using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx;

/// <summary>
/// A 2D RGB ActionRecognitionNet-contract model made of a fixed motion-and-shape feature extractor
/// (see the remarks of the architecture: luminance, foreground and motion maps, their per-frame
/// moments in frame order) and a trained linear layer: input <c>input_rgb</c> [N, 3*T, H, W],
/// output <c>fc_pred</c> [N, K] raw logits, opset 17. The same extractor alone, with output
/// <see cref="FeaturesOutput"/>, is what a trainer runs to get the features it fits the layer on,
/// so training and serving compute identical features.
/// </summary>
public static class MotionFeatureModel
{
    /// <summary>The output of the extractor-only model.</summary>
    public const string FeaturesOutput = "features";

    /// <summary>Features per clip of <paramref name="frames"/> frames.</summary>
    public static int FeatureCount(int frames) => MotionFeatureGraph.FeatureCount(frames);

    /// <summary>The extractor alone: <c>input_rgb</c> [N, 3*T, H, W] to <see cref="FeaturesOutput"/> [N, features].</summary>
    public static OnnxGraphBuilder BuildFeatures(int frames, int height, int width)
    {
        var builder = Start(frames, height, width, "actionnet_motion_features");
        MotionFeatureGraph.Add(builder, ContractInput.RgbName, frames, height, width, FeaturesOutput);
        builder.AddFloatOutput(FeaturesOutput, TensorDim.Batch, FeatureCount(frames));
        return builder;
    }

    /// <summary>The classifier: the extractor, then <paramref name="head"/> as a Gemm to <c>fc_pred</c>.</summary>
    public static OnnxGraphBuilder Build(int frames, int height, int width, LinearHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Features != FeatureCount(frames) || head.Weights.Length != head.Classes * head.Features)
        {
            throw new ArgumentException($"the linear head has {head.Weights.Length} weights for {head.Classes} classes; expected {head.Classes} x {FeatureCount(frames)} for T={frames}", nameof(head));
        }

        var builder = Start(frames, height, width, "actionnet_motion_2d_rgb");
        var features = MotionFeatureGraph.Add(builder, ContractInput.RgbName, frames, height, width);
        var w = builder.AddInitializer("fc.weight", [head.Classes, head.Features], head.Weights);
        var b = builder.AddInitializer("fc.bias", [head.Classes], head.Biases);
        builder.AddNode("Gemm", [features, w, b], ModelGenerator.OutputName, NodeAttribute.Int("transB", 1));
        builder.AddFloatOutput(ModelGenerator.OutputName, TensorDim.Batch, head.Classes);
        return builder;
    }

    private static OnnxGraphBuilder Start(int frames, int height, int width, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 3);
        var builder = new OnnxGraphBuilder(name);
        builder.AddFloatInput(ContractInput.RgbName, TensorDim.Batch, 3 * frames, height, width);
        return builder;
    }
}
