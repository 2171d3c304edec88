using ActionNet.Vision.Clips;

namespace ActionNet.Inference.Contracts;

/// <summary>One input tensor of an ActionRecognitionNet model, as read from the ONNX graph.</summary>
/// <param name="Name">Tensor name: <c>input_rgb</c> or <c>input_of</c>.</param>
/// <param name="Kind">RGB frames or optical flow.</param>
/// <param name="Layout">2D (rank 4) or 3D (rank 5).</param>
/// <param name="Channels">C: 3 for RGB, 2 for flow.</param>
/// <param name="Frames">T, frames per clip.</param>
/// <param name="Height">H in pixels.</param>
/// <param name="Width">W in pixels.</param>
public sealed record ModelInputSpec(string Name, FrameKind Kind, TensorLayout Layout, int Channels, int Frames, int Height, int Width)
{
    /// <summary>Floats per clip in this input: C * T * H * W.</summary>
    public int ElementsPerClip => Channels * Frames * Height * Width;
}
