using ActionNet.Abstractions.Hosting;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Egress;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.History;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Persons;
using ActionNet.Grains.Placement;
using ActionNet.Grains.Telemetry;
using ActionNet.Inference.Hosting;
using ActionNet.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace ActionNet.Grains.Hosting;

/// <summary>Registers what the ActionNet grains need on a silo.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>The connection string every store of the cluster uses (blob history, grain storage, reminders, clustering).</summary>
    public const string StorageConnectionKey = "ConnectionStrings:Storage";

    /// <summary>
    /// Binds and validates (at start) the model profiles (<see cref="ModelProfilesOptions.SectionName"/>), the person-detector
    /// profiles (<see cref="DetectorProfilesOptions.SectionName"/>),
    /// <see cref="AggregationOptions"/>, <see cref="IngestOptions"/>, <c>Inference</c> and the label history
    /// (<see cref="HistoryStorageOptions.SectionName"/>; its connection string defaults to
    /// <see cref="StorageConnectionKey"/>), and registers the model host, the camera placement
    /// director, the silo's activity counters, the <c>ActionNet</c> meter (<see cref="ActionNetMetrics"/>), the silo reporter, the registry's doorbell and the camera
    /// credentials' encryption (<see cref="CameraCredentialsServiceCollectionExtensions.AddCameraCredentials"/>), and the
    /// alerts (<see cref="AlertsServiceCollectionExtensions.AddAlerts"/>).
    /// <paramref name="identity"/> names this silo and its accelerator label.
    /// </summary>
    public static IServiceCollection AddActionNetGrains(this IServiceCollection services, SiloIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(identity);
        services.AddSingleton(identity);
        services.AddInferenceSessions();
        services.AddOptions<ModelProfilesOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Read(configuration.GetSection(ModelProfilesOptions.SectionName)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelProfilesOptions>>(new OptionsRules<ModelProfilesOptions>(o => o.Errors));
        services.AddOptions<DetectorProfilesOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Read(configuration.GetSection(DetectorProfilesOptions.SectionName)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DetectorProfilesOptions>>(new OptionsRules<DetectorProfilesOptions>(o => o.Errors));
        services.AddOptions<AggregationOptions>().BindConfiguration(AggregationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AggregationOptions>>(new OptionsRules<AggregationOptions>(o => o.Validate()));
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.AddCameraCredentials();
        services.AddSingleton<IValidateOptions<IngestOptions>>(new OptionsRules<IngestOptions>(o => o.Validate()));
        services.AddOptions<EgressOptions>().BindConfiguration(EgressOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EgressOptions>>(new OptionsRules<EgressOptions>(o => o.Validate()));
        services.AddSingleton<EgressPolicy>();
        services.AddOptions<HistoryStorageOptions>()
            .BindConfiguration(HistoryStorageOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HistoryStorageOptions>>(new OptionsRules<HistoryStorageOptions>(o => o.Validate()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<HistoryStorageOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                var shared = provider.GetRequiredService<IConfiguration>()[StorageConnectionKey];
                options = options with { ConnectionString = shared ?? throw new InvalidOperationException($"{StorageConnectionKey} is not set") };
            }

            return LabelStore.Connect(options, new StorageWriteTimer(provider.GetRequiredService<ActionNetMetrics>()));
        });
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<HistoryStorageOptions>>().Value;
            var cluster = provider.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value;

            // Without a configured folder, one per cluster, so clusters on one machine never share a camera's journal.
            var path = string.IsNullOrWhiteSpace(options.JournalPath)
                ? Path.Combine(Path.GetTempPath(), "actionnet-journal", $"{cluster.ServiceId}-{cluster.ClusterId}")
                : options.JournalPath;
            return new HistoryJournalDirectory(path, (long)options.JournalMaxMegabytes * 1024 * 1024);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiloActivity>();
        services.AddMetrics();
        services.AddSingleton<ActionNetMetrics>();
        services.AddOptions<BalanceOptions>().BindConfiguration(BalanceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BalanceOptions>>(new OptionsRules<BalanceOptions>(o => o.Validate()));
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<ModelHost>();
        services.AddSingleton<PersonDetectorHost>();
        services.AddSingleton<MessagingMeter>();
        services.AddSingleton<AcceleratorDirectory>();
        services.AddPlacementDirector<CameraPlacementStrategy, CameraPlacementDirector>();
        services.AddHostedService<SiloReporter>();
        services.AddHostedService<CameraRegistryDoorbell>();
        services.AddHostedService<HistoryStartupService>();
        services.AddAlerts();
        return services;
    }
}
