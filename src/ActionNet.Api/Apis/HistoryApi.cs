using System.ComponentModel;
using System.Text.Json;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>/api/v1/history</c>: label events, segments, per-label totals and gaps, each one page at a time with a
/// continuation token (<c>next</c>), and an export that streams every matching event. A key limited to cameras reads
/// only those: named cameras outside its scope are refused (403), and no camera named means every camera it may see.
/// </summary>
public static class HistoryApi
{
    /// <summary>The routes' tag.</summary>
    public static readonly ApiTag Tag = new("History", "The stored label history: events, label segments, time per label and gaps, one page at a time, and an export of every matching event.");

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = Tag.Group(app, "/history").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ([AsParameters] HistoryParameters p, IClusterClient cluster, CameraAccess access) => PageAsync(p, "events", cluster, access, Grain(cluster).QueryAsync))
            .WithName("ListEvents").WithSummary("One page of stored label events, earliest first");
        group.MapGet("/segments", ([AsParameters] HistoryParameters p, IClusterClient cluster, CameraAccess access) => PageAsync(p, "segments", cluster, access, Grain(cluster).SegmentsAsync))
            .WithName("ListSegments").WithSummary("One page of label segments: runs of one label on one camera");
        group.MapGet("/summary", ([AsParameters] HistoryParameters p, IClusterClient cluster, CameraAccess access) => PageAsync(p, "summary", cluster, access, Grain(cluster).SummaryAsync))
            .WithName("GetSummary").WithSummary("One page of time spent per label per camera");
        group.MapGet("/gaps", ([AsParameters] HistoryParameters p, IClusterClient cluster, CameraAccess access) => PageAsync(p, "gaps", cluster, access, Grain(cluster).GapsAsync))
            .WithName("ListGaps").WithSummary("One page of outages and lost windows");
        group.MapGet("/export", ExportAsync).WithName("ExportHistory").WithSummary("Every matching event, streamed as CSV or JSON lines")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson");
        return group;
    }

    /// <summary>The history grain.</summary>
    public static IHistoryGrain Grain(IClusterClient cluster) => cluster.GetGrain<IHistoryGrain>("history");

    /// <summary>
    /// The cameras a query of <paramref name="parameters"/> reads for <paramref name="access"/>: those named (each checked),
    /// else none (every camera) for a key of every camera, else the registered and recorded cameras in the key's scope;
    /// null when that scope holds no camera yet, so the answer is empty.
    /// </summary>
    public static async Task<string[]?> CamerasAsync(HistoryParameters parameters, IClusterClient cluster, CameraAccess access)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(access);
        var named = parameters.Cameras();
        if (named.Length > 0)
        {
            return [.. named.Select(access.Check)];
        }

        if (access.Scope.IsAll)
        {
            return [];
        }

        var registered = cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ListAsync();
        var recorded = Grain(cluster).CamerasAsync();
        var visible = (await registered).Concat(await recorded).Where(access.Sees).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return visible.Length > 0 ? visible : null;
    }

    private static async Task<Ok<HistoryPage<T>>> PageAsync<T>(HistoryParameters parameters, string kind, IClusterClient cluster, CameraAccess access, Func<HistoryQuery, Task<HistoryPage<T>>> fetch)
    {
        var cameras = await CamerasAsync(parameters, cluster, access);
        var query = parameters.ToQuery(kind, cameras ?? []);
        return TypedResults.Ok(cameras is null ? new HistoryPage<T>() : await fetch(query));
    }

    // Page by page straight to the response: the host never holds more than one page.
    private static async Task ExportAsync(
        [AsParameters] HistoryParameters parameters,
        [FromQuery(Name = "format"), Description("csv (the default) or jsonl")] string? format,
        IClusterClient cluster,
        CameraAccess access,
        IOptions<JsonOptions> json,
        HttpContext context)
    {
        var csv = format is null or "csv";
        if (!csv && format != "jsonl")
        {
            throw new ArgumentException($"format '{CameraInputRules.Quote(format)}' is invalid: expected csv or jsonl");
        }

        var cameras = await CamerasAsync(parameters, cluster, access);
        var query = parameters.ToQuery("events", cameras ?? [], HistoryQueryRules.MaxLimit);
        context.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"actionnet-history.{(csv ? "csv" : "jsonl")}\"";
        await using var writer = new StreamWriter(context.Response.Body, leaveOpen: true);
        if (cameras is null)
        {
            return;
        }

        var header = false;
        await foreach (var e in HistoryPages.AllAsync(query, Grain(cluster).QueryAsync, context.RequestAborted))
        {
            if (csv && !header)
            {
                await writer.WriteAsync(HistoryCsv.Header(e.Labels) + "\n");
                header = true;
            }

            await writer.WriteAsync((csv ? HistoryCsv.Row(e) : JsonSerializer.Serialize(e, json.Value.SerializerOptions)) + "\n");
        }
    }
}
