using ActionNet.Vision.Frames;

namespace ActionNet.Grains.Inference;

/// <summary>
/// One named model profile, configured under <c>ActionNet:Profiles:&lt;name&gt;</c>: which ONNX file
/// scores a camera's windows, where it may run, and how windows are cut and batched.
/// </summary>
public sealed record ModelProfile
{
    /// <summary>The profile name, e.g. "rgb-2d"; cameras name it in their registration.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>:Model</c>, required: path of the ActionRecognitionNet .onnx file, on every silo.</summary>
    public string Model { get; init; } = "";

    /// <summary><c>:Labels</c>: an explicit labels file; null: the model's sibling file or the HMDB5 defaults.</summary>
    public string? Labels { get; init; }

    /// <summary>
    /// <c>:Accelerators</c>: accelerator labels (silo metadata) allowed to run the model, e.g. ["t4", "cpu"];
    /// empty: any silo. Given as an array (<c>:Accelerators:0</c>, ...) or one comma-separated value.
    /// </summary>
    public IReadOnlyList<string> Accelerators { get; init; } = [];

    /// <summary>
    /// <c>:Stride</c>: kept frames between window starts; null: T/4 (8 for T = 32), a quarter of DeepStream's
    /// cost-per-frame default of 1 window per frame at a quarter-window latency.
    /// </summary>
    public int? Stride { get; init; }

    /// <summary><c>:Subsample</c>: source frames skipped after each kept one (0 keeps all).</summary>
    public int Subsample { get; init; }

    /// <summary><c>:MaxBatch</c>: most windows scored in one model run, across cameras.</summary>
    public int MaxBatch { get; init; } = 8;

    /// <summary>
    /// <c>:MaxWaitMs</c>: longest wait, in milliseconds, for a batch to fill after its first window. The
    /// default 0 runs as soon as the model is free; batches still form from the windows that arrive while
    /// it is busy, so a lone camera never waits for company that is not coming.
    /// </summary>
    public int MaxWaitMs { get; init; }

    /// <summary><c>:Resize</c>: how frames reach model resolution (Stretch or CenterCrop).</summary>
    public ResizeMode Resize { get; init; } = ResizeMode.Stretch;

    /// <summary>
    /// <c>:Capacity</c>: windows per second one silo's scorer is expected to sustain for this profile, used for
    /// placement until the scorer has measured its own (windows scored per second of model time).
    /// </summary>
    public double Capacity { get; init; } = 30;

    /// <summary>
    /// <c>:EmulatedDeviceMsPerWindow</c>: when above 0, each batch is held after the real model ran until this
    /// many milliseconds per window have passed, emulating an accelerator of fixed capacity
    /// (1000 / value windows per second). For benchmarks of scale-out on machines where the CPU, not the
    /// accelerator, would be the limit. 0 (default): off.
    /// </summary>
    public double EmulatedDeviceMsPerWindow { get; init; }

    /// <summary>The stride used for a model of <paramref name="frames"/> frames per window.</summary>
    public int StrideFor(int frames) => Stride ?? Math.Max(1, frames / 4);
}
