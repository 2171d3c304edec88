namespace ActionNet.Onnx;

/// <summary>How a model's input packs a clip of T frames.</summary>
public enum ModelDimensions
{
    /// <summary>Rank 4, [N, C*T, H, W]: channel index c*T + t (grouped by colour, then frame).</summary>
    TwoD,

    /// <summary>Rank 5, [N, C, T, H, W].</summary>
    ThreeD,
}
