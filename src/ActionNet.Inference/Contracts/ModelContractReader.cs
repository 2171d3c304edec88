using ActionNet.Vision.Clips;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ActionNet.Inference.Contracts;

/// <summary>
/// Detects a <see cref="ModelContract"/> from an ONNX file through ONNX Runtime's session metadata:
/// <c>input_rgb</c> (C=3) and/or <c>input_of</c> (C=2) as [N, C*T, H, W] or [N, C, T, H, W], float32,
/// and <c>fc_pred</c> as [N, K]. T, H, W and K come from the shapes, never from defaults.
/// </summary>
public static class ModelContractReader
{
    /// <summary>Name of the RGB input tensor.</summary>
    public const string RgbInputName = "input_rgb";

    /// <summary>Name of the optical-flow input tensor.</summary>
    public const string FlowInputName = "input_of";

    /// <summary>Name of the logits output tensor.</summary>
    public const string LogitsOutputName = "fc_pred";

    private const string ExpectedInputs = "expected input_rgb and/or input_of as [N, C*T, H, W] or [N, C, T, H, W]";

    /// <summary>Reads the contract of the ONNX file at <paramref name="modelPath"/>.</summary>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="labelsPath">An explicit labels file; when null the sibling file or the defaults are used.</param>
    /// <exception cref="ModelContractException">The file is missing, is not ONNX, or breaks the contract.</exception>
    public static ModelContract Read(string modelPath, string? labelsPath = null)
    {
        using var session = OpenForMetadata(modelPath);
        return Read(session, modelPath, labelsPath);
    }

    /// <summary>Reads the contract from an open session over <paramref name="modelPath"/>.</summary>
    /// <exception cref="ModelContractException">The graph or the labels break the contract.</exception>
    public static ModelContract Read(InferenceSession session, string modelPath, string? labelsPath = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var model = Path.GetFileName(modelPath);
        var inputs = ReadInputs(model, session.InputMetadata);
        var classCount = ReadClassCount(model, session.OutputMetadata);
        var labels = ModelLabels.Resolve(modelPath, classCount, labelsPath);
        return new ModelContract(inputs, LogitsOutputName, labels);
    }

    /// <summary>
    /// Opens a CPU session with graph optimisations off, only to read the graph's metadata; turns a
    /// missing or unparsable file into a one-line <see cref="ModelContractException"/>.
    /// </summary>
    internal static InferenceSession OpenForMetadata(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var model = Path.GetFileName(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new ModelContractException($"model file '{model}' not found (looked for '{Path.GetFullPath(modelPath)}')");
        }

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw NotOnnx(model, ex);
        }
    }

    /// <summary>The one-line error for a file ONNX Runtime cannot load.</summary>
    internal static ModelContractException NotOnnx(string model, OnnxRuntimeException ex)
    {
        var detail = OrtMessages.FirstLine(ex.Message);
        return detail.Contains("InvalidProtobuf", StringComparison.Ordinal) || detail.Contains("Protobuf parsing failed", StringComparison.Ordinal)
            ? new ModelContractException($"'{model}' is not an ONNX model (ONNX Runtime could not parse it)", ex)
            : new ModelContractException($"'{model}' could not be loaded as an ONNX model: {detail}", ex);
    }

    private static List<ModelInputSpec> ReadInputs(string model, IReadOnlyDictionary<string, NodeMetadata> inputs)
    {
        var found = $"found inputs [{Describe(inputs)}]";
        var unknown = inputs.Keys.Where(n => n is not (RgbInputName or FlowInputName)).ToArray();
        if (inputs.Count == 0 || unknown.Length > 0)
        {
            var extra = inputs.Count > unknown.Length ? " and no other inputs" : string.Empty;
            throw new ModelContractException($"model '{model}' is not usable: {found}; {ExpectedInputs}{extra}");
        }

        var specs = new List<ModelInputSpec>(2);
        if (inputs.TryGetValue(RgbInputName, out var rgb))
        {
            specs.Add(ReadInput(model, RgbInputName, FrameKind.Rgb, rgb));
        }

        if (inputs.TryGetValue(FlowInputName, out var flow))
        {
            specs.Add(ReadInput(model, FlowInputName, FrameKind.Flow, flow));
        }

        if (specs.Count == 2 && (specs[0].Frames != specs[1].Frames || specs[0].Height != specs[1].Height || specs[0].Width != specs[1].Width))
        {
            throw new ModelContractException(
                $"model '{model}' is not usable: found {Sizes(specs[0])} and {Sizes(specs[1])}; expected both inputs of a joint model to share T, H and W");
        }

        return specs;
    }

    private static ModelInputSpec ReadInput(string model, string name, FrameKind kind, NodeMetadata node)
    {
        var channels = ClipFrames.ChannelsOf(kind);
        var found = $"found {name} {Describe(node)}";
        var what = kind == FrameKind.Rgb ? "C=3 (R, G, B)" : "C=2 (u, v)";
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            throw new ModelContractException($"model '{model}' is not usable: {found}; expected a float32 tensor");
        }

        var dims = node.Dimensions;
        if (dims.Length is not (4 or 5))
        {
            throw new ModelContractException(
                $"model '{model}' is not usable: {found} (rank {dims.Length}); expected rank 4 [N, C*T, H, W] or rank 5 [N, C, T, H, W] with {what}");
        }

        TensorLayout layout;
        int frames;
        if (dims.Length == 4)
        {
            layout = TensorLayout.Packed2D;
            if (dims[1] <= 0 || dims[1] % channels != 0)
            {
                throw new ModelContractException(
                    $"model '{model}' is not usable: {found}; expected [N, C*T, H, W] with {what}, so a fixed channel count divisible by {channels}");
            }

            frames = dims[1] / channels;
        }
        else
        {
            layout = TensorLayout.Volumetric3D;
            if (dims[1] != channels)
            {
                throw new ModelContractException(
                    $"model '{model}' is not usable: {found}; expected [N, C, T, H, W] with {what}, so dimension 1 = {channels}");
            }

            frames = dims[2];
        }

        var height = dims[^2];
        var width = dims[^1];
        if (frames <= 0 || height <= 0 || width <= 0)
        {
            throw new ModelContractException(
                $"model '{model}' is not usable: {found}; expected fixed positive T, H and W (only the batch axis may be dynamic)");
        }

        return new ModelInputSpec(name, kind, layout, channels, frames, height, width);
    }

    private static int ReadClassCount(string model, IReadOnlyDictionary<string, NodeMetadata> outputs)
    {
        const string expected = "expected fc_pred as float32 [N, K] with a fixed K";
        if (!outputs.TryGetValue(LogitsOutputName, out var node))
        {
            throw new ModelContractException($"model '{model}' is not usable: found outputs [{Describe(outputs)}]; {expected}");
        }

        var dims = node.Dimensions;
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float || dims.Length != 2 || dims[1] <= 0)
        {
            throw new ModelContractException($"model '{model}' is not usable: found output {LogitsOutputName} {Describe(node)}; {expected}");
        }

        return dims[1];
    }

    private static string Sizes(ModelInputSpec spec) => $"{spec.Name} T={spec.Frames} {spec.Height}x{spec.Width}";

    /// <summary>Nodes as "name type[dims]" for one-line errors, symbolic dimensions by name.</summary>
    internal static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(pair => $"{pair.Key} {Describe(pair.Value)}"));

    /// <summary>One node as "type[dims]", e.g. "float[N,3,544,960]".</summary>
    internal static string Describe(NodeMetadata node)
    {
        if (!node.IsTensor)
        {
            return node.OnnxValueType.ToString().ToLowerInvariant();
        }

        var dims = node.Dimensions.Select((d, i) => d >= 0
            ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : i < node.SymbolicDimensions.Length && node.SymbolicDimensions[i].Length > 0 ? node.SymbolicDimensions[i] : "?");
        return $"{TypeName(node.ElementDataType)}[{string.Join(",", dims)}]";
    }

    private static string TypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Double => "double",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int16 => "int16",
        TensorElementType.Int8 => "int8",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Bool => "bool",
        TensorElementType.String => "string",
        _ => type.ToString().ToLowerInvariant(),
    };
}
