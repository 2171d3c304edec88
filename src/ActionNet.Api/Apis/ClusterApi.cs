using System.Text.Json;
using System.Text.Json.Nodes;
using ActionNet.Abstractions.Cluster;
using ActionNet.Api.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>GET /api/v1/cluster</c>: the cluster ledger (silos with accelerator, capacity, demand, utilisation, cameras and
/// drops by reason, and the totals, the same figures the silos' meters export) plus <c>storage</c>: whether the
/// storage account answers (<c>reachable</c>, and <c>error</c> when it does not).
/// </summary>
public static class ClusterApi
{
    /// <summary>Maps the route.</summary>
    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cluster").WithTags("Cluster").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", GetAsync).Produces<ClusterStatus>();
        return group;
    }

    private static async Task<IResult> GetAsync(IClusterClient cluster, StorageStatus storage, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var status = cluster.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();
        var (reachable, error) = await storage.GetAsync(cancellationToken);
        var view = JsonSerializer.SerializeToNode(await status, json.Value.SerializerOptions)!.AsObject();
        view["storage"] = new JsonObject { ["reachable"] = reachable, ["error"] = error };
        return TypedResults.Json(view, json.Value.SerializerOptions);
    }
}
