using ActionNet.Onnx.Proto;

namespace ActionNet.Onnx.Graph;

/// <summary>
/// A named attribute of a graph node (ONNX <c>AttributeProto</c>): a single int or float, a list of
/// ints or floats, or a string. Create one with the static factories, e.g.
/// <c>NodeAttribute.Ints("kernel_shape", 3, 3)</c>.
/// </summary>
public sealed class NodeAttribute
{
    private readonly AttributeProto proto;

    private NodeAttribute(AttributeProto proto) => this.proto = proto;

    /// <summary>The attribute's name as the operator defines it, e.g. <c>strides</c>.</summary>
    public string Name => proto.Name;

    /// <summary>A single 64-bit integer attribute (ONNX <c>INT</c>).</summary>
    public static NodeAttribute Int(string name, long value)
    {
        var attribute = Create(name, AttributeProto.Types.AttributeType.Int);
        attribute.proto.I = value;
        return attribute;
    }

    /// <summary>A single float attribute (ONNX <c>FLOAT</c>).</summary>
    public static NodeAttribute Float(string name, float value)
    {
        var attribute = Create(name, AttributeProto.Types.AttributeType.Float);
        attribute.proto.F = value;
        return attribute;
    }

    /// <summary>A list of 64-bit integers (ONNX <c>INTS</c>), e.g. kernel shapes, strides, pads, axes.</summary>
    public static NodeAttribute Ints(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var attribute = Create(name, AttributeProto.Types.AttributeType.Ints);
        attribute.proto.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A list of floats (ONNX <c>FLOATS</c>).</summary>
    public static NodeAttribute Floats(string name, params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var attribute = Create(name, AttributeProto.Types.AttributeType.Floats);
        attribute.proto.Floats.AddRange(values);
        return attribute;
    }

    /// <summary>A UTF-8 string attribute (ONNX <c>STRING</c>), e.g. <c>auto_pad</c>.</summary>
    public static NodeAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var attribute = Create(name, AttributeProto.Types.AttributeType.String);
        attribute.proto.S = Google.Protobuf.ByteString.CopyFromUtf8(value);
        return attribute;
    }

    internal AttributeProto ToProto() => proto.Clone();

    private static NodeAttribute Create(string name, AttributeProto.Types.AttributeType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new NodeAttribute(new AttributeProto { Name = name, Type = type });
    }
}
