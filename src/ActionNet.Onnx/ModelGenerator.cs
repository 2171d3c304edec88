using System.Text;
using ActionNet.Onnx.Architectures;
using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx;

/// <summary>
/// Writes ONNX models that follow NVIDIA's ActionRecognitionNet tensor contract exactly: inputs
/// <c>input_rgb</c> (C = 3) and/or <c>input_of</c> (C = 2), float32, rank 4 [N, C*T, H, W] (2D) or
/// rank 5 [N, C, T, H, W] (3D), dynamic batch axis <c>N</c>; one output <c>fc_pred</c> [N, K] of raw
/// logits; opset 17. Output is deterministic: the same spec gives byte-identical files.
/// </summary>
public static class ModelGenerator
{
    /// <summary>The output every ActionRecognitionNet model has.</summary>
    public const string OutputName = "fc_pred";

    /// <summary>HMDB5 label order of NVIDIA's deployables, class index 0..4.</summary>
    public static IReadOnlyList<string> Hmdb5Labels { get; } = ["push", "fall_floor", "walk", "run", "ride_bike"];

    /// <summary>
    /// Generates the model for <paramref name="spec"/> at <paramref name="onnxPath"/> (directories are
    /// created) and its labels file <c>&lt;name&gt;.labels.txt</c> beside it.
    /// </summary>
    public static GeneratedModel Write(ModelSpec spec, string onnxPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(onnxPath);
        var builder = Build(spec);
        builder.Save(onnxPath);

        var labels = Labels(spec);
        var labelsPath = LabelsPathFor(onnxPath);
        File.WriteAllText(labelsPath, string.Join('\n', labels) + "\n", new UTF8Encoding(false));
        return new GeneratedModel(onnxPath, labelsPath, spec with { Classes = labels.Count });
    }

    /// <summary>Builds the model for <paramref name="spec"/> in memory, e.g. to call <see cref="OnnxGraphBuilder.ToBytes"/>.</summary>
    public static OnnxGraphBuilder Build(ModelSpec spec)
    {
        Validate(spec);
        var inputs = ContractInput.For(spec);
        var builder = new OnnxGraphBuilder($"actionnet_{spec.Architecture}_{spec.Dimensions}_{spec.Inputs}".ToLowerInvariant());
        foreach (var input in inputs)
        {
            builder.AddFloatInput(input.Name, input.Shape);
        }

        var random = new SeededRandom(spec.Seed);
        switch (spec.Architecture)
        {
            case ModelArchitecture.Tiny:
                TinyGraph.Add(builder, inputs, spec.Classes, random, OutputName);
                break;
            case ModelArchitecture.Probe:
                ProbeGraph.Add(builder, inputs, OutputName);
                break;
            case ModelArchitecture.ResNet18:
                ResNet18Graph.Add(builder, inputs, spec.Classes, random, OutputName);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "Unknown model architecture.");
        }

        builder.AddFloatOutput(OutputName, TensorDim.Batch, ClassCount(spec));
        return builder;
    }

    /// <summary>
    /// The class labels of the model <paramref name="spec"/> describes, in index order: for the probe one
    /// per channel plane (<c>R_t0..R_t{T-1}, G_t0.., B_t0.., u_t0.., v_t0..</c>); otherwise HMDB5's five
    /// labels when there are five classes, else <c>class_0..class_{K-1}</c>.
    /// </summary>
    public static IReadOnlyList<string> Labels(ModelSpec spec)
    {
        Validate(spec);
        if (spec.Architecture == ModelArchitecture.Probe)
        {
            return ProbeGraph.Labels(ContractInput.For(spec));
        }

        return spec.Classes == Hmdb5Labels.Count
            ? Hmdb5Labels
            : Enumerable.Range(0, spec.Classes).Select(i => $"class_{i}").ToList();
    }

    /// <summary>The labels file written next to <paramref name="onnxPath"/>: <c>x.onnx</c> -> <c>x.labels.txt</c>.</summary>
    public static string LabelsPathFor(string onnxPath) => Path.ChangeExtension(onnxPath, ".labels.txt");

    private static int ClassCount(ModelSpec spec) => spec.Architecture == ModelArchitecture.Probe
        ? ProbeGraph.Classes(ContractInput.For(spec))
        : spec.Classes;

    private static void Validate(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Frames, 1, nameof(spec.Frames));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Height, 1, nameof(spec.Height));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Width, 1, nameof(spec.Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Classes, 1, nameof(spec.Classes));
        if (!Enum.IsDefined(spec.Architecture) || !Enum.IsDefined(spec.Dimensions) || !Enum.IsDefined(spec.Inputs))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec, "The spec names an unknown architecture, dimensionality or input kind.");
        }
    }
}
