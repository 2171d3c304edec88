using ActionNet.Onnx;

namespace ActionNet.Training;

/// <summary>
/// How the demo model is trained: its input (RGB or optical flow), the data seed of the synthetic training scenes, how many per action
/// and how long, the clip shape (T x H x W) the model takes, the windows cut from each scene, and the
/// trainer's seed and L2 regularisation. The same options give the same model.
/// </summary>
public sealed record SyntheticTrainingOptions
{
    /// <summary>
    /// The default options of the model taking <paramref name="input"/>. The flow model's layer is
    /// regularised harder (L2 10): it has four times the RGB model's features and reads two encodings of
    /// flow, and held-out scenes of another data seed were read best between L2 3 and 30.
    /// </summary>
    public static SyntheticTrainingOptions For(ModelInputs input) =>
        input == ModelInputs.Flow ? new SyntheticTrainingOptions { Input = ModelInputs.Flow, L2 = 10f } : new SyntheticTrainingOptions();

    /// <summary>The model's input: <see cref="ModelInputs.Rgb"/> (<c>input_rgb</c>) or <see cref="ModelInputs.Flow"/> (<c>input_of</c>, Farneback flow in NVIDIA's encoding).</summary>
    public ModelInputs Input { get; init; } = ModelInputs.Rgb;

    /// <summary>The seed of the trainer (ML.NET's context).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The data seed of the training scenes (held-out sets use other data seeds).</summary>
    public int DataSeed { get; init; } = 1;

    /// <summary>Training scenes per action.</summary>
    public int ScenesPerClass { get; init; } = 100;

    /// <summary>Frames of the shortest training scene; scenes are 1, 1.5 or 2 times as long, in turn.</summary>
    public int SceneFrames { get; init; } = 48;

    /// <summary>Scene width in pixels.</summary>
    public int SceneWidth { get; init; } = 160;

    /// <summary>Scene height in pixels.</summary>
    public int SceneHeight { get; init; } = 120;

    /// <summary>Windows cut from each scene, evenly spaced over its loop (a window may run over the loop point, as a looping camera's does).</summary>
    public int WindowsPerScene { get; init; } = 8;

    /// <summary>T, frames per clip.</summary>
    public int Frames { get; init; } = 16;

    /// <summary>Model input height.</summary>
    public int Height { get; init; } = 64;

    /// <summary>Model input width.</summary>
    public int Width { get; init; } = 64;

    /// <summary>L2 regularisation of the maximum-entropy trainer.</summary>
    public float L2 { get; init; } = 0.5f;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (Input is not (ModelInputs.Rgb or ModelInputs.Flow))
        {
            throw new ArgumentOutOfRangeException(nameof(Input), Input, "the demo model takes RGB or optical flow, not both");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ScenesPerClass);
        ArgumentOutOfRangeException.ThrowIfLessThan(SceneFrames, Frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WindowsPerScene);
        ArgumentOutOfRangeException.ThrowIfLessThan(Frames, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(L2);
    }
}
