using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ActionNet.Onnx.Proto;
using Google.Protobuf;

namespace ActionNet.Onnx.Graph;

/// <summary>
/// Builds one ONNX model (a single graph in the default domain) and writes it as bytes or to a
/// file. Defaults match NVIDIA's ActionRecognitionNet exports: opset 17, IR version 8; the producer
/// is <c>actionnet</c>. Nothing is validated beyond argument sanity, on purpose: tests use this type
/// to write deliberately wrong models (an input named <c>data</c>, rank 3, int64 inputs...).
/// Float initializers are stored as little-endian <c>raw_data</c>.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The opset ActionRecognitionNet is exported with.</summary>
    public const long DefaultOpsetVersion = 17;

    /// <summary>The ONNX IR version written by default (the one matching opset 17).</summary>
    public const long DefaultIrVersion = 8;

    /// <summary>The producer name written into every model.</summary>
    public const string ProducerName = "actionnet";

    private readonly GraphProto graph;
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> reserved = new(StringComparer.Ordinal);
    private long parameterCount;

    /// <summary>Starts an empty graph called <paramref name="graphName"/>.</summary>
    public OnnxGraphBuilder(string graphName = "actionnet")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        graph = new GraphProto { Name = graphName };
    }

    /// <summary>The default-domain opset the model imports; 17 unless changed.</summary>
    public long OpsetVersion { get; set; } = DefaultOpsetVersion;

    /// <summary>The ONNX IR version of the model; 8 unless changed.</summary>
    public long IrVersion { get; set; } = DefaultIrVersion;

    /// <summary>Total number of elements in all initializers added so far (the model's parameters).</summary>
    public long ParameterCount => parameterCount;

    /// <summary>Declares a graph input of the given element type and shape.</summary>
    /// <returns>The input's name, for use as a node input.</returns>
    public string AddInput(string name, TensorElementType elementType, params TensorDim[] shape)
    {
        graph.Input.Add(ValueInfo(Claim(name), elementType, shape));
        return name;
    }

    /// <summary>Declares a float32 graph input.</summary>
    public string AddFloatInput(string name, params TensorDim[] shape) => AddInput(name, TensorElementType.Float, shape);

    /// <summary>Declares a graph output; <paramref name="name"/> must be produced by a node (or be an input).</summary>
    public void AddOutput(string name, TensorElementType elementType, params TensorDim[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        graph.Output.Add(ValueInfo(name, elementType, shape));
    }

    /// <summary>Declares a float32 graph output.</summary>
    public void AddFloatOutput(string name, params TensorDim[] shape) => AddOutput(name, TensorElementType.Float, shape);

    /// <summary>Adds a float32 constant tensor (weights, biases) with the given dimensions.</summary>
    /// <returns>The initializer's name.</returns>
    public string AddInitializer(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var tensor = Tensor(name, TensorElementType.Float, dims, values.Length);
        if (BitConverter.IsLittleEndian)
        {
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        }
        else
        {
            var bytes = new byte[values.Length * sizeof(float)];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
            }

            tensor.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
        }

        return AddTensor(tensor, values.Length);
    }

    /// <summary>Adds an int64 constant tensor (e.g. a Reshape target shape) with the given dimensions.</summary>
    /// <returns>The initializer's name.</returns>
    public string AddInitializer(string name, long[] dims, ReadOnlySpan<long> values)
    {
        var tensor = Tensor(name, TensorElementType.Int64, dims, values.Length);
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        tensor.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
        return AddTensor(tensor, values.Length);
    }

    /// <summary>Adds a node with one output.</summary>
    /// <param name="opType">The operator, e.g. <c>Conv</c>, in the default domain.</param>
    /// <param name="inputs">Input tensor names, in the operator's order; an empty string skips an optional input.</param>
    /// <param name="output">The name of the tensor the node produces.</param>
    /// <param name="attributes">The node's attributes.</param>
    /// <returns><paramref name="output"/>, for chaining.</returns>
    public string AddNode(string opType, IReadOnlyList<string> inputs, string output, params NodeAttribute[] attributes)
    {
        AddNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds a node with any number of outputs.</summary>
    public void AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params NodeAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(attributes);
        var node = new NodeProto { OpType = opType, Name = Claim(UniqueName(opType)) };
        node.Input.AddRange(inputs);
        foreach (var output in outputs)
        {
            node.Output.Add(Claim(output));
        }

        foreach (var attribute in attributes)
        {
            node.Attribute.Add(attribute.ToProto());
        }

        graph.Node.Add(node);
    }

    /// <summary>
    /// A name (<c>prefix_0</c>, <c>prefix_1</c>...) not used or handed out yet in this graph, reserved
    /// for the caller to give to an input, initializer or node output.
    /// </summary>
    public string UniqueName(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        for (var i = 0; ; i++)
        {
            var candidate = $"{prefix}_{i}";
            if (!names.Contains(candidate) && reserved.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Serialises the model to ONNX protobuf bytes.</summary>
    public byte[] ToBytes() => BuildModel().ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/>, creating its directory if needed.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        BuildModel().WriteTo(stream);
    }

    private ModelProto BuildModel()
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion });
        return model;
    }

    private string AddTensor(TensorProto tensor, long elements)
    {
        graph.Initializer.Add(tensor);
        parameterCount += elements;
        return tensor.Name;
    }

    private TensorProto Tensor(string name, TensorElementType elementType, long[] dims, int length)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (expected != length)
        {
            throw new ArgumentException(
                $"Initializer '{name}' has {length} values but dims [{string.Join(", ", dims)}] need {expected}.", nameof(dims));
        }

        var tensor = new TensorProto { Name = Claim(name), DataType = (int)elementType };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private string Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        reserved.Remove(name);
        if (!names.Add(name))
        {
            throw new ArgumentException($"The name '{name}' is already used in this graph.", nameof(name));
        }

        return name;
    }

    private static ValueInfoProto ValueInfo(string name, TensorElementType elementType, TensorDim[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            tensorShape.Dim.Add(dim.Name is null
                ? new TensorShapeProto.Types.Dimension { DimValue = dim.Size ?? 0 }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Name });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = tensorShape } },
        };
    }
}
