using ActionNet.Abstractions;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Api.Auth;

namespace ActionNet.Api.Apis;

/// <summary><c>/api/v1/cameras</c>: register, list, inspect, enable, disable and remove cameras, and their snapshots.</summary>
public static class CamerasApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapCamerasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cameras").WithTags("Cameras").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(ApiPolicies.Operator);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiPolicies.Operator);
        group.MapPost("/{id}/enable", (string id, IClusterClient cluster) => SetEnabledAsync(id, true, cluster)).RequireAuthorization(ApiPolicies.Operator);
        group.MapPost("/{id}/disable", (string id, IClusterClient cluster) => SetEnabledAsync(id, false, cluster)).RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/{id}/snapshot.jpg", SnapshotAsync);
        group.MapGet("/{id}/segments", SegmentsAsync);
        return group;
    }

    private static async Task<CameraView[]> ListAsync(IClusterClient cluster)
    {
        var ids = await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ListAsync();
        return await Task.WhenAll(ids.Order(StringComparer.Ordinal).Select(id => ViewAsync(cluster, id)));
    }

    private static async Task<IResult> GetAsync(string id, IClusterClient cluster)
    {
        CameraIds.Validate(id);
        return await cluster.GetGrain<ICameraGrain>(id).GetRegistrationAsync() is null
            ? NotRegistered(id)
            : TypedResults.Ok(await ViewAsync(cluster, id));
    }

    private static async Task<IResult> PutAsync(string id, CameraRequest request, IClusterClient cluster)
    {
        CameraIds.Validate(id);
        var camera = cluster.GetGrain<ICameraGrain>(id);
        bool existed;
        try
        {
            var registration = request.ToRegistration();
            existed = await camera.GetRegistrationAsync() is not null;
            await camera.RegisterAsync(registration);
        }
        catch (ArgumentException e) when (request.Source is not null)
        {
            // Whatever a rule quoted of the source, its credentials stay masked.
            throw new ArgumentException(new SourceUrl(request.Source).Scrub(ErrorText.OneLine(e.Message)), e);
        }

        var view = await ViewAsync(cluster, id);
        return existed ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/cameras/{id}", view);
    }

    private static async Task<IResult> DeleteAsync(string id, IClusterClient cluster)
    {
        CameraIds.Validate(id);
        var camera = cluster.GetGrain<ICameraGrain>(id);
        if (await camera.GetRegistrationAsync() is null)
        {
            return NotRegistered(id);
        }

        await camera.RemoveAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetEnabledAsync(string id, bool enabled, IClusterClient cluster)
    {
        CameraIds.Validate(id);
        return await cluster.GetGrain<ICameraGrain>(id).SetEnabledAsync(enabled)
            ? TypedResults.Ok(await ViewAsync(cluster, id))
            : NotRegistered(id);
    }

    private static async Task<IResult> SnapshotAsync(string id, IClusterClient cluster, HttpContext context)
    {
        CameraIds.Validate(id);
        var snapshot = await cluster.GetGrain<ICameraGrain>(id).GetSnapshotAsync();
        if (snapshot is null)
        {
            return ApiProblems.NotFound($"camera '{id}' has no frame yet: it is not registered, not reading, or has not decoded a frame");
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(snapshot.Jpeg, "image/jpeg", lastModified: snapshot.TakenAt);
    }

    private static async Task<HistoryPage<LabelSegment>> SegmentsAsync(string id, [AsParameters] HistoryParameters parameters, IClusterClient cluster)
    {
        CameraIds.Validate(id);
        return await cluster.GetGrain<IHistoryGrain>("history").SegmentsAsync(parameters.ToQuery("segments", [id]));
    }

    private static async Task<CameraView> ViewAsync(IClusterClient cluster, string id)
    {
        var camera = cluster.GetGrain<ICameraGrain>(id);
        var registration = camera.GetRegistrationAsync();
        var status = camera.GetStatusAsync();
        var labels = cluster.GetGrain<IAggregatorGrain>(id).GetLabelsAsync();
        await Task.WhenAll(registration, status, labels);
        var r = registration.Result;
        return new CameraView(id, status.Result.RedactedSource, r?.ModelProfile ?? "", r?.Enabled ?? false, status.Result, labels.Result.Latest, labels.Result.Tracks);
    }

    private static IResult NotRegistered(string id) =>
        ApiProblems.NotFound($"camera '{id}' is not registered; GET /api/v1/cameras lists the registered cameras");
}
