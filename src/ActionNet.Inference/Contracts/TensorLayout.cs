namespace ActionNet.Inference.Contracts;

/// <summary>How a model wants a clip laid out in its input tensor.</summary>
public enum TensorLayout
{
    /// <summary>Rank 4, [N, C*T, H, W]; channel index = c*T + t (grouped by colour, TAO's 2D models).</summary>
    Packed2D,

    /// <summary>Rank 5, [N, C, T, H, W] (TAO's 3D models).</summary>
    Volumetric3D,
}
