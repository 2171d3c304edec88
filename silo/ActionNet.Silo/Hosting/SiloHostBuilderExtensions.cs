using System.Net;
using ActionNet.Abstractions.Hosting;
using ActionNet.Abstractions.Live;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Hosting;
using ActionNet.Grains.Placement;
using ActionNet.ServiceDefaults;
using ActionNet.Silo.Health;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace ActionNet.Silo.Hosting;

/// <summary>Turns a host into an ActionNet silo.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>
    /// Serves HTTP on <see cref="SiloOptions.HttpPort"/> with two readiness checks (<see cref="ClusterMembershipHealthCheck"/>,
    /// <see cref="StorageHealthCheck"/>), and configures Orleans from <see cref="SiloOptions"/> (clustering, ports,
    /// accelerator metadata, trace context carried across grain calls), the one
    /// storage account of <see cref="GrainsServiceCollectionExtensions.StorageConnectionKey"/> (Azure Table
    /// membership when chosen, Azure Blob grain storage for cameras and stream subscriptions, Azure Table reminders) and the grains'
    /// services, plus Orleans Kubernetes hosting when <see cref="SiloOptions.KubernetesHosting"/> is set; a graceful
    /// stop drains the silo first (<see cref="SiloDrainOnStop"/>, <see cref="SiloDrainOptions"/>). Settings are
    /// validated when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddActionNetSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SiloOptions();
        try
        {
            builder.Configuration.GetSection(SiloOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException)
        {
            // Reported with its key when the host starts (BindConfiguration below binds again and fails there).
        }

        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloOptions>>(new OptionsRules<SiloOptions>(o => o.Validate()));
        builder.Services.AddActionNetGrains(new SiloIdentity(options.EffectiveName, options.Accelerator.Trim().ToLowerInvariant()));
        builder.Services.ProtectCameraKeyRing(builder.Configuration);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(
            string.IsNullOrWhiteSpace(options.AdvertisedAddress) ? IPAddress.Loopback : IPAddress.Any,
            options.HttpPort));
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("cluster-membership", tags: [HealthTags.Ready])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready]);
        builder.UseOrleans(silo =>
        {
            silo.UseActionNetClustering(options);
            silo.AddActivityPropagation();
            if (options.KubernetesHosting)
            {
                silo.UseKubernetesHosting();
            }

            // Silo metadata is experimental in Orleans 10 (ORLEANSEXP004). We depend on it deliberately: the
            // accelerator label must be visible to every silo's camera placement director.
#pragma warning disable ORLEANSEXP004
            silo.UseSiloMetadata(new Dictionary<string, string> { [AcceleratorMetadata.Key] = options.Accelerator.Trim().ToLowerInvariant() });
#pragma warning restore ORLEANSEXP004

            // The strongly consistent grain directory (experimental in Orleans 10, ORLEANSEXP003), deliberately too.
            // With the default directory a dead silo takes its directory partition with it, and every survivor
            // deactivates the activations registered there: about 1/N of the survivors' cameras would stop (a gap
            // each) and be placed again. This one recovers the registrations from the survivors, so only the dead
            // silo's cameras move, and a camera is never active on two member silos at once.
#pragma warning disable ORLEANSEXP003
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            foreach (var storageName in new[] { CameraGrain.StorageName, LiveEvents.PubSubStorageName })
            {
                silo.AddAzureBlobGrainStorage(storageName, (OptionsBuilder<AzureBlobStorageOptions> storage) =>
                    storage.Configure<IConfiguration>((o, configuration) => o.BlobServiceClient = new BlobServiceClient(
                        configuration[GrainsServiceCollectionExtensions.StorageConnectionKey],
                        new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05))));
            }

            // Live label events: kept in silo memory (they are already journaled and stored), one queue per partition of
            // the event plane, so each silo pulls and forwards only its share; the subscriptions (the API hosts', the alert
            // routers' and watchers') are kept in Blob storage so they outlive a silo.
            silo.AddMemoryStreams(LiveEvents.ProviderName, streams => streams.ConfigurePartitioning(LiveEvents.Partitions));

            // The API host serves the Orleans Dashboard to admins; silos that opt in contribute their statistics.
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }
            silo.UseAzureTableReminderService((OptionsBuilder<Orleans.Reminders.AzureStorage.AzureTableReminderStorageOptions> reminders) =>
                reminders.Configure<IConfiguration>((o, configuration) =>
                    o.TableServiceClient = new TableServiceClient(configuration[GrainsServiceCollectionExtensions.StorageConnectionKey])));
        });
        builder.AddDrainOnStop();
        return builder;
    }

    // Registered after UseOrleans: lifecycle services stop in reverse order, so the drain runs while the silo serves.
    private static void AddDrainOnStop(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloDrainOptions>().BindConfiguration(SiloDrainOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloDrainOptions>>(new OptionsRules<SiloDrainOptions>(o => o.Validate()));
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<SiloDrainOptions>>((host, drain) =>
        {
            // The host cancels the whole stop after ShutdownTimeout: leave Orleans time to leave after the drain.
            var needed = drain.Value.Timeout + TimeSpan.FromSeconds(30);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        builder.Services.AddHostedService<SiloDrainOnStop>();
    }

    private static void UseActionNetClustering(this ISiloBuilder silo, SiloOptions options)
    {
        if (options.Clustering == ClusteringMode.AzureTable)
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            silo.UseAzureStorageClustering((OptionsBuilder<Orleans.Clustering.AzureStorage.AzureStorageClusteringOptions> clustering) =>
                clustering.Configure<IConfiguration>((o, configuration) =>
                    o.TableServiceClient = new TableServiceClient(configuration[GrainsServiceCollectionExtensions.StorageConnectionKey])));
            if (IPAddress.TryParse(options.AdvertisedAddress, out var advertised))
            {
                silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort);
            }

            return;
        }

        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort), options.ServiceId, options.ClusterId);
    }
}
