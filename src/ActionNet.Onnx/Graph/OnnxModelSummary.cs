using ActionNet.Onnx.Proto;

namespace ActionNet.Onnx.Graph;

/// <summary>
/// What an ONNX file declares, read without running it: IR and default-domain opset versions,
/// producer, graph input and output names, operator types used, and the parameter count (total
/// elements over all initializers, which for an eval-mode export with folded BatchNorm equals the
/// weights and biases).
/// </summary>
public sealed record OnnxModelSummary(
    long IrVersion,
    long OpsetVersion,
    string ProducerName,
    IReadOnlyList<string> InputNames,
    IReadOnlyList<string> OutputNames,
    IReadOnlyList<string> OperatorTypes,
    long ParameterCount)
{
    /// <summary>Reads the summary of the ONNX model at <paramref name="path"/>.</summary>
    public static OnnxModelSummary Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return From(ModelProto.Parser.ParseFrom(stream));
    }

    /// <summary>Reads the summary of an ONNX model held in memory.</summary>
    public static OnnxModelSummary Read(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return From(ModelProto.Parser.ParseFrom(model));
    }

    private static OnnxModelSummary From(ModelProto model)
    {
        var graph = model.Graph ?? new GraphProto();
        var opset = model.OpsetImport.FirstOrDefault(import => string.IsNullOrEmpty(import.Domain))?.Version ?? 0;
        return new OnnxModelSummary(
            model.IrVersion,
            opset,
            model.ProducerName,
            [.. graph.Input.Select(input => input.Name)],
            [.. graph.Output.Select(output => output.Name)],
            [.. graph.Node.Select(node => node.OpType).Distinct()],
            graph.Initializer.Sum(tensor => tensor.Dims.Aggregate(1L, (product, dim) => product * dim)));
    }
}
