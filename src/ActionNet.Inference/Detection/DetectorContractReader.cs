using System.Globalization;
using ActionNet.Inference.Contracts;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ActionNet.Inference.Detection;

/// <summary>
/// Detects a <see cref="DetectorContract"/> from an ONNX file through ONNX Runtime's session metadata: one
/// float32 input <c>input_1:0</c> [N, 3, H, W] whose batch is dynamic or 1, and the outputs
/// <c>output_cov/Sigmoid:0</c> [N, C, Gh, Gw] and <c>output_bbox/BiasAdd:0</c> [N, 4C, Gh, Gw]. H, W, C, Gh and Gw
/// come from the shapes, never from PeopleNet's values. Labels: an explicit file, else <c>&lt;model&gt;.labels.txt</c>
/// beside the model, else person, bag, face when C = 3. Every failure is one line naming the file, what was found
/// and what was expected.
/// </summary>
public static class DetectorContractReader
{
    /// <summary>PeopleNet's input tensor.</summary>
    public const string InputName = "input_1:0";

    /// <summary>PeopleNet's coverage output.</summary>
    public const string CoverageOutputName = "output_cov/Sigmoid:0";

    /// <summary>PeopleNet's box output.</summary>
    public const string BoxesOutputName = "output_bbox/BiasAdd:0";

    private const string ExpectedInput = "expected one float32 input input_1:0 as [N, 3, H, W] with a dynamic or unit batch (a PeopleNet / DetectNet_v2 detector)";

    /// <summary>Reads the contract of the detector at <paramref name="modelPath"/>.</summary>
    /// <exception cref="ModelContractException">The file is missing, is not ONNX, or breaks the contract.</exception>
    public static DetectorContract Read(string modelPath, string? labelsPath = null)
    {
        using var session = ModelContractReader.OpenForMetadata(modelPath);
        return Read(session, modelPath, labelsPath);
    }

    /// <summary>Reads the contract from an open session over <paramref name="modelPath"/>.</summary>
    /// <exception cref="ModelContractException">The graph or the labels break the contract.</exception>
    public static DetectorContract Read(InferenceSession session, string modelPath, string? labelsPath = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var model = Path.GetFileName(modelPath);
        var (height, width, fixedBatch) = ReadInput(model, session.InputMetadata);
        var (classes, gridHeight, gridWidth) = ReadOutputs(model, session.OutputMetadata, height, width);
        var labels = ModelLabels.Resolve(modelPath, classes, labelsPath, DetectorContract.DefaultLabels, $"{CoverageOutputName}'s class axis");
        return new DetectorContract(InputName, CoverageOutputName, BoxesOutputName, height, width, gridHeight, gridWidth, labels, fixedBatch);
    }

    private static (int Height, int Width, int? FixedBatch) ReadInput(string model, IReadOnlyDictionary<string, NodeMetadata> inputs)
    {
        var found = $"found inputs [{ModelContractReader.Describe(inputs)}]";
        if (inputs.Count != 1 || !inputs.TryGetValue(InputName, out var node))
        {
            var hint = inputs.Keys.Any(n => n is ModelContractReader.RgbInputName or ModelContractReader.FlowInputName)
                ? " (this is an ActionRecognitionNet action model: pass it as --model, not as a detector)"
                : string.Empty;
            throw Unusable(model, $"{found}; {ExpectedInput}{hint}");
        }

        var dims = node.Dimensions;
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float || dims.Length != 4)
        {
            throw Unusable(model, $"{found} (rank {dims.Length}); {ExpectedInput}");
        }

        if (dims[1] != 3 || dims[2] <= 0 || dims[3] <= 0)
        {
            throw Unusable(model, $"{found}; {ExpectedInput}, so dimension 1 = 3 (R, G, B) and a fixed positive H and W");
        }

        if (dims[0] > 1)
        {
            throw Unusable(model, $"{found}; {ExpectedInput}, not a fixed batch of {dims[0]}");
        }

        return (dims[2], dims[3], dims[0] > 0 ? dims[0] : null);
    }

    private static (int Classes, int GridHeight, int GridWidth) ReadOutputs(string model, IReadOnlyDictionary<string, NodeMetadata> outputs, int height, int width)
    {
        var found = $"found outputs [{ModelContractReader.Describe(outputs)}]";
        if (!outputs.TryGetValue(CoverageOutputName, out var coverage) || !outputs.TryGetValue(BoxesOutputName, out var boxes))
        {
            throw Unusable(model, $"{found}; expected {CoverageOutputName} [N, C, Gh, Gw] and {BoxesOutputName} [N, 4C, Gh, Gw]");
        }

        var cov = coverage.Dimensions;
        if (!coverage.IsTensor || coverage.ElementDataType != TensorElementType.Float || cov.Length != 4 || cov[1] <= 0
            || cov[2] <= 0 || cov[3] <= 0 || cov[2] > height || cov[3] > width)
        {
            throw Unusable(model,
                $"found output {CoverageOutputName} {ModelContractReader.Describe(coverage)}; expected float32 [N, C, Gh, Gw] with fixed positive C and a grid no larger than the {width}x{height} input");
        }

        var (classes, gridHeight, gridWidth) = (cov[1], cov[2], cov[3]);
        var box = boxes.Dimensions;
        if (!boxes.IsTensor || boxes.ElementDataType != TensorElementType.Float || box.Length != 4
            || box[1] != 4 * classes || box[2] != gridHeight || box[3] != gridWidth)
        {
            var expected = string.Create(CultureInfo.InvariantCulture, $"[N, {4 * classes}, {gridHeight}, {gridWidth}]");
            throw Unusable(model,
                $"found output {BoxesOutputName} {ModelContractReader.Describe(boxes)}; expected float32 {expected}: 4 box planes (x1, y1, x2, y2) for each of the {classes} coverage classes, on the same grid");
        }

        return (classes, gridHeight, gridWidth);
    }

    private static ModelContractException Unusable(string model, string detail) => new($"detector '{model}' is not usable: {detail}");
}
