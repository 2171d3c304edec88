using ActionNet.Inference.Execution;
using ActionNet.Inference.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Inference.Tests.Hosting;

public sealed class InferenceServiceCollectionExtensionsTests
{
    [Fact]
    public void TheFactoryUsesTheProvidersFromTheInferenceSection()
    {
        using var services = Build(new() { ["Inference:Providers:0"] = "Cpu", ["Inference:IntraOpThreads"] = "1" });

        var factory = services.GetRequiredService<InferenceSessionFactory>();

        Assert.Equal([ExecutionProvider.Cpu], factory.Options.EffectiveProviders);
        Assert.Equal(1, factory.Options.IntraOpThreads);
        Assert.Same(factory, services.GetRequiredService<InferenceSessionFactory>());
    }

    [Fact]
    public void ABadSettingFailsNamingItsKey()
    {
        using var services = Build(new() { ["Inference:DeviceId"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<InferenceOptions>>().Value);

        Assert.Contains("Inference:DeviceId is -1", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddInferenceSessions()
            .BuildServiceProvider();
    }
}
