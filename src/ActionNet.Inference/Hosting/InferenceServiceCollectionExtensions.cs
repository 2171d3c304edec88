using ActionNet.Inference.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Inference.Hosting;

/// <summary>Registers inference services in a host (a silo or the CLI).</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="InferenceOptions"/> from the "Inference" configuration section (validated at
    /// start) and registers one <see cref="InferenceSessionFactory"/> for the process.
    /// </summary>
    public static IServiceCollection AddInferenceSessions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        services.TryAddSingleton(provider => new InferenceSessionFactory(
            provider.GetRequiredService<IOptions<InferenceOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<InferenceSessionFactory>()));
        return services;
    }
}
