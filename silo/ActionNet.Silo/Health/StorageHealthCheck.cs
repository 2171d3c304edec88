using ActionNet.Grains.Hosting;
using ActionNet.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActionNet.Silo.Health;

/// <summary>
/// Ready while the storage account of <see cref="GrainsServiceCollectionExtensions.StorageConnectionKey"/> (membership,
/// grain state, reminders, history) answers: the same probe as at start-up, one short request.
/// </summary>
public sealed class StorageHealthCheck(IConfiguration configuration) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await StorageConnectionProbe.EnsureReachableAsync(
                GrainsServiceCollectionExtensions.StorageConnectionKey,
                configuration[GrainsServiceCollectionExtensions.StorageConnectionKey],
                cancellationToken);
            return HealthCheckResult.Healthy("storage answers");
        }
        catch (StorageAccountUnreachableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
