using ActionNet.Abstractions.Hosting;
using ActionNet.Grains.Alerts;
using ActionNet.Grains.Egress;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Hosting;

/// <summary>Registers what the alert rules grain and the alert router need on a silo.</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start) <see cref="AlertOptions"/>, and registers the alert store (the tables of the
    /// storage account of <see cref="GrainsServiceCollectionExtensions.StorageConnectionKey"/>), the webhook and MQTT
    /// transports, the router's outbox and the wake-up of the router at silo start.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>>(new OptionsRules<AlertOptions>(o => o.Validate()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AlertOptions>>().Value;
            var connection = provider.GetRequiredService<IConfiguration>()[GrainsServiceCollectionExtensions.StorageConnectionKey]
                ?? throw new InvalidOperationException($"{GrainsServiceCollectionExtensions.StorageConnectionKey} is not set");
            return AlertStore.Connect(connection, options.RulesTable, options.DeliveriesTable);
        });

        // No redirects (a body is never sent on to a place the rule did not name), no request logging, and every connection
        // made through the egress policy, so a name that resolves to a metadata address is refused when it is connected.
        services.AddHttpClient(WebhookTransport.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = provider.GetRequiredService<EgressPolicy>().ConnectAsync })
            .RemoveAllLoggers();
        services.AddSingleton<IAlertTransport, WebhookTransport>();
        services.AddSingleton<MqttTransport>();
        services.AddSingleton<IAlertTransport>(provider => provider.GetRequiredService<MqttTransport>());
        services.AddTransient<AlertOutbox>();
        services.AddHostedService<AlertRouterWake>();
        return services;
    }
}
