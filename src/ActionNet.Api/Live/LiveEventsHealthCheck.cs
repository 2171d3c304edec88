using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActionNet.Api.Live;

/// <summary>Ready once the host has reached the cluster and listens to its live events.</summary>
public sealed class LiveEventsHealthCheck(LiveEventHub hub) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(hub.Subscribed.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy($"listening to the cluster's live events; {hub.Count} subscriber(s)")
            : HealthCheckResult.Unhealthy("not connected to the ActionNet cluster yet"));
}
