using System.Text;
using ActionNet.Onnx.Architectures;
using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx;

/// <summary>
/// Writes ONNX detectors that follow NVIDIA PeopleNet's (TAO DetectNet_v2) tensor contract exactly: input
/// <c>input_1:0</c> float32 [N, 3, H, W] (RGB, x/255), outputs <c>output_cov/Sigmoid:0</c> [N, C, H/16, W/16]
/// and <c>output_bbox/BiasAdd:0</c> [N, 4C, H/16, W/16]; dynamic batch axis <c>N</c>; opset 17. Deterministic:
/// the same spec gives byte-identical files.
/// </summary>
public static class DetectorGenerator
{
    /// <summary>PeopleNet's input tensor.</summary>
    public const string InputName = "input_1:0";

    /// <summary>PeopleNet's coverage output, [N, C, Gh, Gw].</summary>
    public const string CoverageName = "output_cov/Sigmoid:0";

    /// <summary>PeopleNet's box output, [N, 4C, Gh, Gw].</summary>
    public const string BoxesName = "output_bbox/BiasAdd:0";

    /// <summary>Input pixels per grid cell on each axis (DetectNet_v2's output stride).</summary>
    public const int Stride = 16;

    /// <summary>The probe's x box planes are this times the cell's mean green (see <see cref="DetectorArchitecture.Probe"/>).</summary>
    public const float ProbeBoxScaleX = 2f;

    /// <summary>The probe's y box planes are this times the cell's mean blue (see <see cref="DetectorArchitecture.Probe"/>).</summary>
    public const float ProbeBoxScaleY = 4f;

    /// <summary>PeopleNet's classes in coverage-plane order.</summary>
    public static IReadOnlyList<string> PeopleNetLabels { get; } = ["person", "bag", "face"];

    /// <summary>
    /// Generates the detector for <paramref name="spec"/> at <paramref name="onnxPath"/> (directories are created)
    /// and its labels file <c>&lt;name&gt;.labels.txt</c> beside it.
    /// </summary>
    public static GeneratedDetector Write(DetectorSpec spec, string onnxPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(onnxPath);
        Build(spec).Save(onnxPath);
        var labelsPath = ModelGenerator.LabelsPathFor(onnxPath);
        File.WriteAllText(labelsPath, string.Join('\n', Labels(spec)) + "\n", new UTF8Encoding(false));
        return new GeneratedDetector(onnxPath, labelsPath, spec);
    }

    /// <summary>Builds the detector for <paramref name="spec"/> in memory.</summary>
    public static OnnxGraphBuilder Build(DetectorSpec spec)
    {
        Validate(spec);
        var builder = new OnnxGraphBuilder($"actionnet_detectnet_v2_{spec.Architecture}".ToLowerInvariant());
        builder.AddFloatInput(InputName, TensorDim.Batch, 3, spec.Height, spec.Width);
        switch (spec.Architecture)
        {
            case DetectorArchitecture.Probe:
                DetectorProbeGraph.Add(builder, InputName, spec.Classes, CoverageName, BoxesName);
                break;
            case DetectorArchitecture.ResNet18:
                DetectNetV2Graph.Add(builder, InputName, spec.Classes, new SeededRandom(spec.Seed), CoverageName, BoxesName);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "Unknown detector architecture.");
        }

        var gridHeight = spec.Height / Stride;
        var gridWidth = spec.Width / Stride;
        builder.AddFloatOutput(CoverageName, TensorDim.Batch, spec.Classes, gridHeight, gridWidth);
        builder.AddFloatOutput(BoxesName, TensorDim.Batch, 4 * spec.Classes, gridHeight, gridWidth);
        return builder;
    }

    /// <summary>The class labels of <paramref name="spec"/>: person, bag, face for 3 classes, else <c>class_0..class_{C-1}</c>.</summary>
    public static IReadOnlyList<string> Labels(DetectorSpec spec)
    {
        Validate(spec);
        return spec.Classes == PeopleNetLabels.Count
            ? PeopleNetLabels
            : Enumerable.Range(0, spec.Classes).Select(i => $"class_{i}").ToList();
    }

    private static void Validate(DetectorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Classes, 1, nameof(spec.Classes));
        if (!Enum.IsDefined(spec.Architecture))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "The spec names an unknown detector architecture.");
        }

        if (spec.Height < Stride || spec.Width < Stride || spec.Height % Stride != 0 || spec.Width % Stride != 0)
        {
            throw new ArgumentException($"a detector input of {spec.Width}x{spec.Height} is not usable: expected width and height that are positive multiples of {Stride} (one grid cell per {Stride}x{Stride} pixels)", nameof(spec));
        }
    }
}
