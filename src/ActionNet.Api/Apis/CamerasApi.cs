using ActionNet.Abstractions;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>/api/v1/cameras</c>: register, list, inspect, enable, disable and remove cameras, and their snapshots and segments.
/// A key limited to cameras lists only those, and is refused (403) on any other camera it names.
/// </summary>
public static class CamerasApi
{
    /// <summary>The routes' tag.</summary>
    public static readonly ApiTag Tag = new("Cameras", "Register, list, inspect, enable, disable and remove cameras; their latest frame and their label segments.");

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapCamerasApi(this IEndpointRouteBuilder app)
    {
        var group = Tag.Group(app, "/cameras").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ListAsync).WithName("ListCameras").WithSummary("List the cameras the key may see, with status and newest label");
        group.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound).WithName("GetCamera").WithSummary("Get one camera: masked source, profile, status and newest label");
        group.MapPut("/{id}", PutAsync).WithName("PutCamera").WithSummary("Register a camera, or replace its registration")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapPut("/", PutManyAsync).WithName("PutCameras").WithSummary("Register or replace many cameras at once (by id); each gets the status its own PUT would")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapDelete("/{id}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound).WithName("RemoveCamera").WithSummary("Stop a camera and forget its registration; its history stays")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapPost("/{id}/enable", (string id, IClusterClient cluster, CameraAccess access) => SetEnabledAsync(id, true, cluster, access))
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("EnableCamera").WithSummary("Start reading a registered camera").RequireAuthorization(ApiPolicies.Operator);
        group.MapPost("/{id}/disable", (string id, IClusterClient cluster, CameraAccess access) => SetEnabledAsync(id, false, cluster, access))
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("DisableCamera").WithSummary("Stop reading a camera, keeping its registration and history").RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/{id}/snapshot.jpg", SnapshotAsync).ProducesProblem(StatusCodes.Status404NotFound).WithName("GetCameraSnapshot").WithSummary("The camera's latest decoded frame as a JPEG, at most 320 px wide")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        group.MapGet("/{id}/segments", SegmentsAsync).WithName("ListCameraSegments").WithSummary("One page of the camera's label segments");
        return group;
    }

    private static async Task<Ok<CameraView[]>> ListAsync(IClusterClient cluster, CameraAccess access)
    {
        var ids = await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ListAsync();
        return TypedResults.Ok(await Task.WhenAll(ids.Where(access.Sees).Order(StringComparer.Ordinal).Select(id => ViewAsync(cluster, id))));
    }

    private static async Task<Results<Ok<CameraView>, ProblemHttpResult>> GetAsync(string id, IClusterClient cluster, CameraAccess access)
    {
        access.Check(id);
        return await cluster.GetGrain<ICameraGrain>(id).GetRegistrationAsync() is null
            ? NotRegistered(id)
            : TypedResults.Ok(await ViewAsync(cluster, id));
    }

    private static async Task<Results<Created<CameraView>, Ok<CameraView>>> PutAsync(string id, CameraRequest request, IClusterClient cluster, CameraAccess access)
    {
        access.Check(id);
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

    // Registrations run side by side (each camera grain decides its own placement), at most this many at once, so a
    // batch of hundreds fills the cluster without flooding one silo's scheduler.
    private const int BatchConcurrency = 32;

    /// <summary>The most cameras one batch may register.</summary>
    public const int MaxBatch = 1000;

    private static async Task<Ok<CameraBatchResult[]>> PutManyAsync(Dictionary<string, CameraRequest> cameras, IClusterClient cluster, CameraAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        if (cameras.Count is 0 or > MaxBatch)
        {
            throw new ArgumentException($"the batch holds {cameras.Count} cameras: expected 1 to {MaxBatch}, keyed by camera id");
        }

        foreach (var id in cameras.Keys)
        {
            CameraIds.Validate(id);
        }

        using var gate = new SemaphoreSlim(BatchConcurrency);
        var results = await Task.WhenAll(cameras.OrderBy(c => c.Key, StringComparer.Ordinal).Select(async camera =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await RegisterOneAsync(camera.Key, camera.Value, cluster, access);
            }
            finally
            {
                gate.Release();
            }
        }));
        return TypedResults.Ok(results);
    }

    private static async Task<CameraBatchResult> RegisterOneAsync(string id, CameraRequest request, IClusterClient cluster, CameraAccess access)
    {
        if (!access.Sees(id))
        {
            return new CameraBatchResult(id, StatusCodes.Status403Forbidden, $"camera '{id}' is outside this key's cameras");
        }

        try
        {
            var camera = cluster.GetGrain<ICameraGrain>(id);
            var registration = request.ToRegistration();
            var existed = await camera.GetRegistrationAsync() is not null;
            await camera.RegisterAsync(registration);
            return new CameraBatchResult(id, existed ? StatusCodes.Status200OK : StatusCodes.Status201Created, null);
        }
        catch (ArgumentException e)
        {
            // Whatever a rule quoted of the source, its credentials stay masked.
            var line = ErrorText.OneLine(e.Message);
            return new CameraBatchResult(id, StatusCodes.Status400BadRequest, request.Source is null ? line : new SourceUrl(request.Source).Scrub(line));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IClusterClient cluster, CameraAccess access)
    {
        access.Check(id);
        var camera = cluster.GetGrain<ICameraGrain>(id);
        if (await camera.GetRegistrationAsync() is null)
        {
            return NotRegistered(id);
        }

        await camera.RemoveAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CameraView>, ProblemHttpResult>> SetEnabledAsync(string id, bool enabled, IClusterClient cluster, CameraAccess access)
    {
        access.Check(id);
        return await cluster.GetGrain<ICameraGrain>(id).SetEnabledAsync(enabled)
            ? TypedResults.Ok(await ViewAsync(cluster, id))
            : NotRegistered(id);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SnapshotAsync(string id, IClusterClient cluster, CameraAccess access, HttpContext context)
    {
        access.Check(id);
        var snapshot = await cluster.GetGrain<ICameraGrain>(id).GetSnapshotAsync();
        if (snapshot is null)
        {
            return ApiProblems.NotFound($"camera '{id}' has no frame yet: it is not registered, not reading, or has not decoded a frame");
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(snapshot.Jpeg, "image/jpeg", lastModified: snapshot.TakenAt);
    }

    private static async Task<Ok<HistoryPage<LabelSegment>>> SegmentsAsync(string id, [AsParameters] HistoryParameters parameters, IClusterClient cluster, CameraAccess access)
    {
        access.Check(id);
        if (parameters.Camera is { Length: > 0 })
        {
            throw new ArgumentException($"camera is given by the path here ('{id}'): leave the camera parameter out");
        }

        return TypedResults.Ok(await HistoryApi.Grain(cluster).SegmentsAsync(parameters.ToQuery("segments", [id])));
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

    private static ProblemHttpResult NotRegistered(string id) =>
        ApiProblems.NotFound($"camera '{id}' is not registered; GET /api/v1/cameras lists the registered cameras");
}
