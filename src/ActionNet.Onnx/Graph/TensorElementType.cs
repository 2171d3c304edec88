namespace ActionNet.Onnx.Graph;

/// <summary>
/// Element types a graph input, output or initializer can have. The numeric values are ONNX's
/// <c>TensorProto.DataType</c> codes, so they can be written to the file unchanged.
/// </summary>
public enum TensorElementType
{
    /// <summary>32-bit IEEE float (<c>tensor(float)</c>), the type every ActionRecognitionNet tensor uses.</summary>
    Float = 1,

    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,

    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit integer (<c>tensor(int64)</c>), e.g. shapes.</summary>
    Int64 = 7,

    /// <summary>Boolean.</summary>
    Bool = 9,

    /// <summary>16-bit IEEE float.</summary>
    Float16 = 10,

    /// <summary>64-bit IEEE float.</summary>
    Double = 11,
}
