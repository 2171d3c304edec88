namespace ActionNet.Vision.Frames;

/// <summary>How a frame (or its region of interest) is brought to model resolution.</summary>
public enum ResizeMode
{
    /// <summary>
    /// The whole frame or region resized straight to H x W, bilinear, aspect ratio not kept: what
    /// TAO and NVIDIA's TensorRT sample do for the HMDB5 deployables. The default.
    /// </summary>
    Stretch,

    /// <summary>
    /// TAO's <c>crop_smaller_edge</c>: scale so the short side becomes 256/224 of the model's short
    /// side (256 for a 224 model), bilinear, then take the centred H x W crop.
    /// </summary>
    CenterCrop,
}
