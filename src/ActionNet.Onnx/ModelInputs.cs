namespace ActionNet.Onnx;

/// <summary>Which inputs a model takes.</summary>
public enum ModelInputs
{
    /// <summary>One input, <c>input_rgb</c>, with C = 3 (R, G, B).</summary>
    Rgb,

    /// <summary>One input, <c>input_of</c>, with C = 2 (optical flow u, v).</summary>
    Flow,

    /// <summary>Both <c>input_rgb</c> and <c>input_of</c>, in that order.</summary>
    Joint,
}
