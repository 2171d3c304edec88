using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActionNet.Silo.Health;

/// <summary>Ready once this silo is Active in the cluster's membership (it has joined and takes grains).</summary>
public sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var silo = local.SiloAddress;
        var status = membership.CurrentSnapshot.GetSiloStatus(silo);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo} is active in cluster {local.ClusterId}")
            : HealthCheckResult.Unhealthy($"silo {silo} is {status} in cluster {local.ClusterId}, not active"));
    }
}
