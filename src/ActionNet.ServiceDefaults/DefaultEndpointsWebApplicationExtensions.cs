using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;

namespace ActionNet.ServiceDefaults;

/// <summary>The endpoints every ActionNet host serves.</summary>
public static class DefaultEndpointsWebApplicationExtensions
{
    /// <summary>Liveness: 200 while the process works.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Readiness: 200 once every <see cref="HealthTags.Ready"/> check passes, 503 before.</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>Prometheus text of every meter <see cref="ServiceDefaultsHostBuilderExtensions.AddActionNetServiceDefaults"/> collects.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Maps <see cref="HealthPath"/>, <see cref="ReadyPath"/> and <see cref="MetricsPath"/>, open to anonymous
    /// callers (probes and Prometheus carry no credentials; the network policy decides who reaches them).
    /// </summary>
    public static WebApplication MapActionNetDefaultEndpoints(this WebApplication app)
    {
        app.MapActionNetHealthEndpoints();
        app.MapActionNetMetricsEndpoint().AllowAnonymous();
        return app;
    }

    /// <summary>Maps <see cref="HealthPath"/> and <see cref="ReadyPath"/>, open to anonymous callers (probes carry no credentials).</summary>
    public static WebApplication MapActionNetHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Maps <see cref="MetricsPath"/>; the caller decides who may scrape (a public host such as the API requires a
    /// key, which Prometheus sends as a bearer token).
    /// </summary>
    public static IEndpointConventionBuilder MapActionNetMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapPrometheusScrapingEndpoint(MetricsPath);
    }

    /// <summary>Whether <paramref name="path"/> is one of the default endpoints (not traced: probes and scrapes are noise).</summary>
    public static bool IsDefaultEndpoint(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(ReadyPath) || path.StartsWithSegments(MetricsPath);
}
