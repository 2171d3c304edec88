namespace ActionNet.Onnx.Graph;

/// <summary>
/// One dimension of a graph input or output shape: either a fixed size or a named symbolic
/// dimension (ONNX <c>dim_param</c>), such as the dynamic batch axis <c>"N"</c>.
/// Converts implicitly from <see cref="int"/>, <see cref="long"/> and <see cref="string"/>, so a
/// shape can be written as <c>("N", 96, 224, 224)</c>.
/// </summary>
public readonly record struct TensorDim
{
    private TensorDim(long? size, string? name)
    {
        Size = size;
        Name = name;
    }

    /// <summary>The dynamic batch dimension used by every ActionRecognitionNet model: <c>dim_param "N"</c>.</summary>
    public static TensorDim Batch { get; } = Named("N");

    /// <summary>The fixed size, or null for a named dimension.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Name { get; }

    /// <summary>A dimension of fixed size (zero or more).</summary>
    public static TensorDim Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new TensorDim(size, null);
    }

    /// <summary>A symbolic dimension whose size is chosen at run time.</summary>
    public static TensorDim Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new TensorDim(null, name);
    }

    /// <summary>Same as <see cref="Fixed(long)"/>.</summary>
    public static implicit operator TensorDim(long size) => Fixed(size);

    /// <summary>Same as <see cref="Fixed(long)"/>.</summary>
    public static implicit operator TensorDim(int size) => Fixed(size);

    /// <summary>Same as <see cref="Named(string)"/>.</summary>
    public static implicit operator TensorDim(string name) => Named(name);

    /// <inheritdoc />
    public override string ToString() => Name ?? Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
