using ActionNet.Onnx.Architectures;
using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx;

/// <summary>
/// The demo models: a 2D ActionRecognitionNet-contract model made of a fixed motion feature extractor and
/// a trained linear layer, output <c>fc_pred</c> [N, K] raw logits, opset 17. For
/// <see cref="ModelInputs.Rgb"/> the input is <c>input_rgb</c> [N, 3*T, H, W] and the extractor measures
/// luminance, foreground and motion maps (see <c>MotionFeatureGraph</c>); for <see cref="ModelInputs.Flow"/>
/// it is <c>input_of</c> [N, 2*T, H, W] and the extractor measures the encoded optical flow (see
/// <c>FlowFeatureGraph</c>); either keeps every per-frame quantity in frame order. The same extractor
/// alone, with output <see cref="FeaturesOutput"/>, is what a trainer runs to get the features it fits the
/// layer on, so training and serving compute identical features.
/// </summary>
public static class MotionFeatureModel
{
    /// <summary>The output of the extractor-only model.</summary>
    public const string FeaturesOutput = "features";

    /// <summary>Features per clip of <paramref name="frames"/> frames (T) for <paramref name="input"/>.</summary>
    public static int FeatureCount(ModelInputs input, int frames) => input switch
    {
        ModelInputs.Rgb => MotionFeatureGraph.FeatureCount(frames),
        ModelInputs.Flow => FlowFeatureGraph.FeatureCount(frames),
        _ => throw Unsupported(input),
    };

    /// <summary>The extractor alone: the contract input [N, C*T, H, W] to <see cref="FeaturesOutput"/> [N, features].</summary>
    public static OnnxGraphBuilder BuildFeatures(ModelInputs input, int frames, int height, int width)
    {
        var builder = Start(input, frames, height, width, input == ModelInputs.Rgb ? "actionnet_motion_features" : "actionnet_flow_features");
        AddExtractor(builder, input, frames, height, width, FeaturesOutput);
        builder.AddFloatOutput(FeaturesOutput, TensorDim.Batch, FeatureCount(input, frames));
        return builder;
    }

    /// <summary>The classifier: the extractor, then <paramref name="head"/> as a Gemm to <c>fc_pred</c>.</summary>
    public static OnnxGraphBuilder Build(ModelInputs input, int frames, int height, int width, LinearHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var features = FeatureCount(input, frames);
        if (head.Features != features || head.Weights.Length != head.Classes * head.Features)
        {
            throw new ArgumentException($"the linear head has {head.Weights.Length} weights for {head.Classes} classes; expected {head.Classes} x {features} for T={frames}", nameof(head));
        }

        var builder = Start(input, frames, height, width, input == ModelInputs.Rgb ? "actionnet_motion_2d_rgb" : "actionnet_motion_2d_of");
        var extracted = AddExtractor(builder, input, frames, height, width, null);
        var w = builder.AddInitializer("fc.weight", [head.Classes, head.Features], head.Weights);
        var b = builder.AddInitializer("fc.bias", [head.Classes], head.Biases);
        builder.AddNode("Gemm", [extracted, w, b], ModelGenerator.OutputName, NodeAttribute.Int("transB", 1));
        builder.AddFloatOutput(ModelGenerator.OutputName, TensorDim.Batch, head.Classes);
        return builder;
    }

    private static string AddExtractor(OnnxGraphBuilder builder, ModelInputs input, int frames, int height, int width, string? outputName) => input == ModelInputs.Rgb
        ? MotionFeatureGraph.Add(builder, ContractInput.RgbName, frames, height, width, outputName)
        : FlowFeatureGraph.Add(builder, ContractInput.FlowName, frames, height, width, outputName);

    private static OnnxGraphBuilder Start(ModelInputs input, int frames, int height, int width, string name)
    {
        if (input is not (ModelInputs.Rgb or ModelInputs.Flow))
        {
            throw Unsupported(input);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 3);
        var builder = new OnnxGraphBuilder(name);
        builder.AddFloatInput(input == ModelInputs.Rgb ? ContractInput.RgbName : ContractInput.FlowName, TensorDim.Batch, (input == ModelInputs.Rgb ? 3 : 2) * frames, height, width);
        return builder;
    }

    private static ArgumentOutOfRangeException Unsupported(ModelInputs input) =>
        new(nameof(input), input, "a motion feature model takes one input: RGB or optical flow");
}
