using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Api.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>/api/v1/history</c>: label events, segments, per-label totals and gaps, each one page at a time with a
/// continuation token (<c>next</c>), and an export that streams every matching event.
/// </summary>
public static class HistoryApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/history").WithTags("History").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ([AsParameters] HistoryParameters p, IClusterClient cluster) => History(cluster).QueryAsync(p.ToQuery("events")));
        group.MapGet("/segments", ([AsParameters] HistoryParameters p, IClusterClient cluster) => History(cluster).SegmentsAsync(p.ToQuery("segments")));
        group.MapGet("/summary", ([AsParameters] HistoryParameters p, IClusterClient cluster) => History(cluster).SummaryAsync(p.ToQuery("summary")));
        group.MapGet("/gaps", ([AsParameters] HistoryParameters p, IClusterClient cluster) => History(cluster).GapsAsync(p.ToQuery("gaps")));
        group.MapGet("/export", ExportAsync);
        return group;
    }

    private static IHistoryGrain History(IClusterClient cluster) => cluster.GetGrain<IHistoryGrain>("history");

    // Page by page straight to the response: the host never holds more than one page.
    private static async Task ExportAsync([AsParameters] HistoryParameters parameters, string? format, IClusterClient cluster, IOptions<JsonOptions> json, HttpContext context)
    {
        var csv = format is null or "csv";
        if (!csv && format != "jsonl")
        {
            throw new ArgumentException($"format '{Abstractions.Cameras.CameraInputRules.Quote(format)}' is invalid: expected csv or jsonl");
        }

        parameters.Limit ??= HistoryQueryRules.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var query = parameters.ToQuery("events");
        context.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"actionnet-history.{(csv ? "csv" : "jsonl")}\"";
        await using var writer = new StreamWriter(context.Response.Body, leaveOpen: true);
        var header = false;
        await foreach (var e in HistoryPages.AllAsync(query, History(cluster).QueryAsync, context.RequestAborted))
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
