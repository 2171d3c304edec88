using ActionNet.Inference.Execution;
using Microsoft.Extensions.Configuration;

namespace ActionNet.Inference.Tests.Execution;

public sealed class InferenceOptionsTests
{
    [Fact]
    public void DefaultsPreferTensorRtThenCudaThenCpu()
    {
        var options = new InferenceOptions();

        Assert.Equal([ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu], options.EffectiveProviders);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void AProviderListFromConfigurationReplacesTheDefaultsInsteadOfAppending()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Inference:Providers:0"] = "Cuda",
                ["Inference:Providers:1"] = "Cpu",
                ["Inference:DeviceId"] = "1",
                ["Inference:TensorRtFp16"] = "false",
            })
            .Build();

        var options = configuration.GetSection(InferenceOptions.SectionName).Get<InferenceOptions>()!;

        Assert.Equal([ExecutionProvider.Cuda, ExecutionProvider.Cpu], options.EffectiveProviders);
        Assert.Equal(1, options.DeviceId);
        Assert.False(options.TensorRtFp16);
    }

    [Fact]
    public void InvalidSettingsAreReportedByKey()
    {
        var options = new InferenceOptions { DeviceId = -1, MaxBatchSize = 0, IntraOpThreads = -2 };

        var errors = options.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Inference:DeviceId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Inference:MaxBatchSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Inference:IntraOpThreads", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new InferenceSessionFactory(options));
    }
}
