using System.Runtime.InteropServices;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Scoring;
using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;
using Xunit.Abstractions;

namespace ActionNet.Inference.Tests.Execution;

public sealed class ExecutionProviderFallbackTests(ModelDirectory models, ITestOutputHelper output) : IClassFixture<ModelDirectory>
{
    private GeneratedModel Tiny => models.Get(new ModelSpec(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Rgb, Frames: 2, Height: 8, Width: 8));

    [Fact]
    public void WithoutAGpuTheDefaultOrderFallsBackToCpuWithOneLogLine()
    {
        if (CudaRuntimePresent())
        {
            output.WriteLine("CUDA libraries are present on this machine: the GPU-less fallback is not what happens here; checking only that nothing is logged twice.");
        }

        var logger = new CapturingLogger();
        var factory = new InferenceSessionFactory(new InferenceOptions { TensorRtEngineCacheFolder = null }, logger, new ExecutionProviderAvailability());

        using var first = new ActionModel(Tiny.OnnxPath, null, factory);
        using var second = new ActionModel(Tiny.OnnxPath, null, factory);

        var clip = new ClipInput([0, 1], Clips.Random(FrameKind.Rgb, 2, 8, 8, seed: 5), null);
        Assert.Equal(5, first.Score(clip).Probabilities.Length);
        Assert.Equal(first.ActiveProvider, second.ActiveProvider);
        Assert.Equal(logger.Warnings.Distinct(), logger.Warnings);
        foreach (var line in logger.Warnings)
        {
            output.WriteLine(line);
        }

        if (!CudaRuntimePresent())
        {
            Assert.Equal(ExecutionProvider.Cpu, first.ActiveProvider);
            var line = Assert.Single(logger.Warnings);
            Assert.Matches(@"^Execution provider unavailable: TensorRT \(.*lib\S+\.so\.\d+.* not found\), CUDA \(.*libcublasLt\.so\.13.* not found\); running on CPU$", line);
        }
    }

    [Fact]
    public void ACpuOnlyListNeverTriesTheGpuProviders()
    {
        var logger = new CapturingLogger();
        var factory = new InferenceSessionFactory(new InferenceOptions { Providers = [ExecutionProvider.Cpu] }, logger, new ExecutionProviderAvailability());

        using var model = new ActionModel(Tiny.OnnxPath, null, factory);

        Assert.Equal(ExecutionProvider.Cpu, model.ActiveProvider);
        Assert.Empty(logger.Warnings);
    }

    [Fact]
    public void AListWithoutCpuFailsWithOneLineNamingEachProviderWhenNoGpuLoads()
    {
        if (CudaRuntimePresent())
        {
            output.WriteLine("CUDA libraries are present: a CUDA-only list is expected to work here, so there is no failure to check.");
            return;
        }

        var logger = new CapturingLogger();
        var factory = new InferenceSessionFactory(new InferenceOptions { Providers = [ExecutionProvider.Cuda] }, logger, new ExecutionProviderAvailability());

        var error = Assert.Throws<InvalidOperationException>(() => new ActionModel(Tiny.OnnxPath, null, factory));

        Assert.StartsWith("model '", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be opened on any execution provider: CUDA: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith("no provider left to fall back to", Assert.Single(logger.Warnings), StringComparison.Ordinal);
    }

    private static bool CudaRuntimePresent()
    {
        if (!NativeLibrary.TryLoad("libcublasLt.so.13", out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
