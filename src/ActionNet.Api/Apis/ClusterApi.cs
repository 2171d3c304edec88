using ActionNet.Abstractions.Cluster;
using ActionNet.Api.Auth;

namespace ActionNet.Api.Apis;

/// <summary><c>GET /api/v1/cluster</c>: silos with accelerator, capacity, demand, utilisation, cameras and drops by reason, and the totals.</summary>
public static class ClusterApi
{
    /// <summary>Maps the route.</summary>
    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cluster").WithTags("Cluster").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", (IClusterClient cluster) => cluster.GetGrain<IClusterStatusGrain>(0).GetStatusAsync());
        return group;
    }
}
