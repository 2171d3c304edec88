using ActionNet.Inference.Execution;
using ActionNet.Inference.Scoring;
using ActionNet.Onnx;

namespace ActionNet.Inference.Tests.Support;

/// <summary>Opens generated models on the CPU provider only, so tests are fast and quiet.</summary>
public static class Models
{
    public static InferenceSessionFactory CpuFactory { get; } = new(new InferenceOptions { Providers = [ExecutionProvider.Cpu] });

    public static ActionModel OpenOnCpu(GeneratedModel model, string? labelsPath = null) => new(model.OnnxPath, labelsPath, CpuFactory);
}
