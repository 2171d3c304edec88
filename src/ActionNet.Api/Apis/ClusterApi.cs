using System.ComponentModel;
using ActionNet.Abstractions.Cluster;
using ActionNet.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>/api/v1/cluster</c>: the cluster ledger (silos with accelerator, capacity, demand, utilisation, cameras and drops by
/// reason, and the totals, the same figures the silos' meters export) plus <c>storage</c>, whether the storage account
/// answers; and draining a silo before maintenance. A key limited to cameras sees only its cameras in the silos' lists
/// (the figures stay the cluster's) and may not drain.
/// </summary>
public static class ClusterApi
{
    /// <summary>The routes' tag.</summary>
    public static readonly ApiTag Tag = new("Cluster", "The cluster's silos, capacity, demand and drops, the storage account's reachability, and draining silos before maintenance.");

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var group = Tag.Group(app, "/cluster").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", GetAsync).WithName("GetClusterStatus").WithSummary("The cluster ledger: silos, capacity, demand, utilisation, drops, and storage");
        group.MapPost("/silos/{silo}/drain", DrainAsync).WithName("DrainSilo").WithSummary("Move every camera off a silo and keep new ones away")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/silos/{silo}/drain", DrainProgressAsync).WithName("GetDrainProgress").WithSummary("How far a silo's drain is: cameras left, and cameras not yet scoring elsewhere")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapPost("/silos/{silo}/undrain", UndrainAsync).WithName("UndrainSilo").WithSummary("Let a drained silo take cameras again")
            .RequireAuthorization(ApiPolicies.Operator);
        return group;
    }

    private static async Task<Ok<ClusterStatus>> GetAsync(IClusterClient cluster, StorageStatus storage, CameraAccess access, CancellationToken cancellationToken)
    {
        var status = cluster.GetGrain<IClusterStatusGrain>(0).GetStatusAsync();
        var reachability = await storage.GetAsync(cancellationToken);
        var snapshot = await status;
        return TypedResults.Ok(snapshot with
        {
            Silos = [.. snapshot.Silos.Select(s => s with { Cameras = [.. s.Cameras.Where(c => access.Sees(c.CameraId))] })],
            Storage = reachability,
        });
    }

    private static async Task<Ok<SiloDrain>> DrainAsync(
        [Description("The silo's address as the cluster status shows it, or its host name.")] string silo, IClusterClient cluster, CameraAccess access)
    {
        access.RequireEveryCamera("draining a silo moves every camera on it");
        return TypedResults.Ok(await DrainHandoff.StartAsync(cluster, silo));
    }

    private static async Task<Ok<DrainProgress>> DrainProgressAsync(
        [Description("The drained silo's address.")] string silo,
        [FromQuery(Name = "host"), Description("The silo's host name, as the drain answered it.")] string? host,
        [FromQuery(Name = "camera"), Description("The cameras the drain answered, each of which must hand off.")] string[]? camera,
        IClusterClient cluster,
        CameraAccess access)
    {
        access.RequireEveryCamera("a drain concerns every camera on the silo");
        return TypedResults.Ok(await DrainHandoff.ProgressAsync(cluster, new SiloDrain(silo, host ?? "", camera ?? [])));
    }

    private static async Task<Ok<SiloUndrained>> UndrainAsync(
        [Description("The drained silo's address or host name.")] string silo, IClusterClient cluster, CameraAccess access)
    {
        access.RequireEveryCamera("undraining a silo concerns every camera");
        return TypedResults.Ok(new SiloUndrained(await cluster.GetGrain<IClusterStatusGrain>(0).UndrainAsync(silo)));
    }
}
