using System.ComponentModel;
using System.Text;
using System.Text.Json;
using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Inference;
using ActionNet.Abstractions.Live;
using ActionNet.Api.Auth;
using ActionNet.Api.Live;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>GET /api/v1/events/live</c>: server-sent events of label events, segment starts and ends and gaps, as the
/// aggregators publish them, optionally for some cameras (<c>camera</c>, repeated or comma-separated) and one label.
/// Event names: <c>label</c>, <c>segment-start</c>, <c>segment-end</c>, <c>gap</c>; data: the <see cref="LiveEvent"/> as JSON.
/// A key limited to cameras receives only its cameras' events.
/// </summary>
public static class EventsApi
{
    /// <summary>The routes' tag.</summary>
    public static readonly ApiTag Tag = new("Events", "Live label events, segment starts and ends and gaps as server-sent events, as soon as they are persisted.");

    /// <summary>How often a comment line keeps an idle stream open through proxies.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Maps the route.</summary>
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = Tag.Group(app, "/events").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/live", LiveAsync).WithName("WatchLiveEvents").WithSummary("Live events as server-sent events (label, segment-start, segment-end, gap)")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");
        return group;
    }

    /// <summary>The SSE event name of a kind of live event.</summary>
    public static string EventName(LiveEventKind kind) => kind switch
    {
        LiveEventKind.Label => "label",
        LiveEventKind.SegmentStart => "segment-start",
        LiveEventKind.SegmentEnd => "segment-end",
        _ => "gap",
    };

    // Headers and a first comment go out at once (a client waiting for them must not wait for the first event), then one
    // event per live event, and a comment every 15 s so idle connections through proxies stay open.
    private static async Task LiveAsync(
        [FromQuery(Name = "camera"), Description("Camera ids, repeated or comma-separated; none: every camera the key may see.")] string[]? camera,
        [FromQuery(Name = "label"), Description("Only this label's events and segments (gaps always come).")] string? label,
        LiveEventHub hub,
        IClusterClient cluster,
        CameraAccess access,
        IOptions<JsonOptions> json,
        HttpContext context)
    {
        var cameras = (camera ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(access.Check)
            .ToHashSet(StringComparer.Ordinal);
        if (label is not null)
        {
            if (CameraInputRules.TextProblem("label", label, CameraInputRules.MaxProfileNameLength) is { } problem)
            {
                throw new ArgumentException($"label: {problem}");
            }

            if (ModelLabels.UnknownProblem("label", label, await cluster.GetGrain<IModelCatalogGrain>(0).LabelsAsync()) is { } unknown)
            {
                throw new ArgumentException(unknown);
            }
        }

        var cancellationToken = context.RequestAborted;
        await hub.Subscribed.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        using var subscriber = hub.Subscribe(e =>
            access.Sees(e.CameraId) && (cameras.Count == 0 || cameras.Contains(e.CameraId)) && (label is null || e.Kind == LiveEventKind.Gap || e.Label == label));
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var writer = context.Response.BodyWriter;
        await writer.WriteAsync(": connected\n\n"u8.ToArray(), cancellationToken);

        // The reader's own token: whatever ends the loop (the client leaving, a failed write) ends a pending read
        // too, which must finish before the reader is disposed (disposing it mid-read throws).
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = subscriber.ReadAllAsync(reading.Token).GetAsyncEnumerator(reading.Token);
        var next = Task.FromResult(false);
        try
        {
            next = events.MoveNextAsync().AsTask();
            var beat = Task.Delay(Heartbeat, cancellationToken);
            while (true)
            {
                if (await Task.WhenAny(next, beat) == beat)
                {
                    await beat;
                    await writer.WriteAsync(": keep-alive\n\n"u8.ToArray(), cancellationToken);
                    beat = Task.Delay(Heartbeat, cancellationToken);
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                var item = events.Current;
                var data = JsonSerializer.Serialize(item, json.Value.SerializerOptions);
                await writer.WriteAsync(Encoding.UTF8.GetBytes($"event: {EventName(item.Kind)}\ndata: {data}\n\n"), cancellationToken);
                next = events.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await reading.CancelAsync();
            await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await events.DisposeAsync().AsTask().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
