using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ActionNet.ServiceDefaults;

/// <summary>What every ActionNet host registers: telemetry and the liveness check.</summary>
public static class ServiceDefaultsHostBuilderExtensions
{
    /// <summary>The ActionNet meter and activity source (the meter is ActionNet.Grains' <c>ActionNetMetrics</c>).</summary>
    public const string ActionNetSource = "ActionNet";

    /// <summary>Orleans' meter: messaging, grains, catalog, and more.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The environment variable (or configuration key) that turns the OTLP exporter on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The environment variable (or configuration key) that names the service in telemetry.</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    private static readonly string[] TraceSources = [ActionNetSource, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// Metrics from the ActionNet and Orleans meters, the .NET runtime and ASP.NET Core, served in Prometheus text by
    /// <see cref="DefaultEndpointsWebApplicationExtensions.MapActionNetDefaultEndpoints"/>; and, only when
    /// <see cref="OtlpEndpointKey"/> is set, traces from ActionNet, Orleans (grain calls, with the silo's
    /// <c>AddActivityPropagation</c>) and ASP.NET Core, sent with the metrics over OTLP (<c>UseOtlpExporter</c>; the standard
    /// <c>OTEL_*</c> variables configure the exporter). Without an endpoint no activity is created for tracing.
    /// Also registers the liveness check (<see cref="HealthTags.Live"/>); hosts add their own readiness checks.
    /// </summary>
    public static IHostApplicationBuilder AddActionNetServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // The host's name (e.g. ActionNet.Silo) unless OTEL_SERVICE_NAME names the service.
                if (string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameKey]))
                {
                    resource.AddService(builder.Environment.ApplicationName);
                }
            })
            .WithMetrics(metrics => metrics
                .AddMeter(ActionNetSource, OrleansMeter)
                .AddRuntimeInstrumentation()
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(TraceSources)
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !DefaultEndpointsWebApplicationExtensions.IsDefaultEndpoint(context.Request.Path)))
                .UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);
        return builder;
    }
}
