using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Contracts;

/// <summary>
/// What an ActionRecognitionNet ONNX file expects and returns, detected from its graph: one or two
/// inputs (<c>input_rgb</c>, <c>input_of</c>), the logits output <c>fc_pred</c> [N, K] and the K labels.
/// </summary>
/// <param name="Inputs">The inputs, RGB first when both exist.</param>
/// <param name="OutputName">The logits output, <c>fc_pred</c>.</param>
/// <param name="Labels">Class names by logit index; their count is K.</param>
public sealed record ModelContract(IReadOnlyList<ModelInputSpec> Inputs, string OutputName, IReadOnlyList<string> Labels)
{
    /// <summary>The classes ActionRecognitionNet's HMDB5 models score, in logit order.</summary>
    public static IReadOnlyList<string> DefaultLabels { get; } = ["push", "fall_floor", "walk", "run", "ride_bike"];

    /// <summary>K, the number of classes.</summary>
    public int ClassCount => Labels.Count;

    /// <summary>The RGB input, if the model has one.</summary>
    public ModelInputSpec? Rgb => Inputs.FirstOrDefault(i => i.Kind == FrameKind.Rgb);

    /// <summary>The optical-flow input, if the model has one.</summary>
    public ModelInputSpec? Flow => Inputs.FirstOrDefault(i => i.Kind == FrameKind.Flow);

    /// <summary>T, frames per clip (the same for every input).</summary>
    public int Frames => Inputs[0].Frames;

    /// <summary>Model input height in pixels.</summary>
    public int Height => Inputs[0].Height;

    /// <summary>Model input width in pixels.</summary>
    public int Width => Inputs[0].Width;

    /// <summary>Source frames one clip consumes: T, or T + 1 when flow is computed from RGB pairs.</summary>
    public int SourceFramesPerClip => Flow is null ? Frames : Frames + 1;
}
