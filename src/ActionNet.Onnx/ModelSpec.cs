namespace ActionNet.Onnx;

/// <summary>
/// What model to generate: architecture, 2D or 3D packing, inputs, clip length <paramref name="Frames"/>
/// (T), frame size <paramref name="Height"/> x <paramref name="Width"/> in pixels, number of classes
/// (ignored by <see cref="ModelArchitecture.Probe"/>, whose class count is C*T) and the seed of its
/// random weights. The defaults are NVIDIA's deployables: 32 frames of 224x224, 5 classes.
/// </summary>
public sealed record ModelSpec(
    ModelArchitecture Architecture,
    ModelDimensions Dimensions,
    ModelInputs Inputs,
    int Frames = 32,
    int Height = 224,
    int Width = 224,
    int Classes = 5,
    int Seed = 1);
