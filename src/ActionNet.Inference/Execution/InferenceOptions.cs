namespace ActionNet.Inference.Execution;

/// <summary>
/// How inference sessions are created, bound from the configuration section <see cref="SectionName"/>
/// ("Inference").
/// </summary>
public sealed record InferenceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Inference";

    /// <summary>The provider order used when <see cref="Providers"/> is not set: TensorRT, CUDA, CPU.</summary>
    public static IReadOnlyList<ExecutionProvider> DefaultProviders { get; } = [ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu];

    /// <summary>
    /// Providers to try, most preferred first; the first that loads wins. Null or empty means
    /// <see cref="DefaultProviders"/> (left empty by default because configuration binding appends to,
    /// rather than replaces, a pre-filled list).
    /// </summary>
    public IReadOnlyList<ExecutionProvider>? Providers { get; set; }

    /// <summary>The CUDA device ordinal for TensorRT and CUDA.</summary>
    public int DeviceId { get; set; }

    /// <summary>Whether TensorRT may build FP16 engines (faster on GPUs with tensor cores).</summary>
    public bool TensorRtFp16 { get; set; } = true;

    /// <summary>
    /// Folder for built TensorRT engines, so a restart does not rebuild them (minutes for ResNet18-3D).
    /// Null or empty turns the cache off.
    /// </summary>
    public string? TensorRtEngineCacheFolder { get; set; } = Path.Combine(Path.GetTempPath(), "actionnet", "tensorrt-engines");

    /// <summary>The largest batch TensorRT optimises its engine profile for (clips per Run).</summary>
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>Threads ONNX Runtime may use inside one operator on the CPU; 0 lets it choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>The providers in the order they will be tried, duplicates removed.</summary>
    public IReadOnlyList<ExecutionProvider> EffectiveProviders =>
        (Providers is { Count: > 0 } chosen ? chosen : DefaultProviders).Distinct().ToArray();

    /// <summary>Problems with these options, one line each naming its key; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Providers is not null && Providers.Any(p => !Enum.IsDefined(p)))
        {
            errors.Add($"{SectionName}:{nameof(Providers)} holds an unknown provider; expected TensorRt, Cuda or Cpu");
        }

        if (DeviceId < 0)
        {
            errors.Add($"{SectionName}:{nameof(DeviceId)} is {DeviceId}; expected 0 or more");
        }

        if (MaxBatchSize < 1)
        {
            errors.Add($"{SectionName}:{nameof(MaxBatchSize)} is {MaxBatchSize}; expected 1 or more");
        }

        if (IntraOpThreads < 0)
        {
            errors.Add($"{SectionName}:{nameof(IntraOpThreads)} is {IntraOpThreads}; expected 0 (automatic) or more");
        }

        return errors;
    }
}
