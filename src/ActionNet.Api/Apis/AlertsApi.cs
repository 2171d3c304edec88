using System.ComponentModel;
using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using ActionNet.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>/api/v1/alerts</c>: alert rules (read by viewers, managed by operators) and the record of their deliveries,
/// newest first, paged with a continuation token. A key limited to cameras sees, changes and removes only the rules whose
/// cameras all lie in its scope (never a rule for every camera), and only the deliveries of those rules.
/// </summary>
public static class AlertsApi
{
    /// <summary>The routes' tag.</summary>
    public static readonly ApiTag Tag = new("Alerts", "Alert rules (webhook and MQTT firings per label segment) and the record of their deliveries.");

    /// <summary>Deliveries per page when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = Tag.Group(app, "/alerts").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/rules", ListAsync).WithName("ListAlertRules").WithSummary("The alert rules the key may see, by id");
        group.MapGet("/rules/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound).WithName("GetAlertRule").WithSummary("One alert rule");
        group.MapPut("/rules/{id}", PutAsync).WithName("PutAlertRule").WithSummary("Create an alert rule, or replace the rule with this id")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapDelete("/rules/{id}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound).WithName("RemoveAlertRule").WithSummary("Remove an alert rule; its open firings still end")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/deliveries", DeliveriesAsync).WithName("ListAlertDeliveries").WithSummary("One page of alert deliveries, newest first");
        return group;
    }

    private static IAlertRulesGrain Rules(IClusterClient cluster) => cluster.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);

    private static async Task<Ok<AlertRule[]>> ListAsync(IClusterClient cluster, CameraAccess access) =>
        TypedResults.Ok((await Rules(cluster).ListAsync()).Where(r => access.Scope.Covers(r.Cameras)).ToArray());

    // A rule outside the key's scope reads as absent: its id tells nothing.
    private static async Task<Results<Ok<AlertRule>, ProblemHttpResult>> GetAsync(string id, IClusterClient cluster, CameraAccess access) =>
        await Rules(cluster).GetAsync(id) is { } rule && access.Scope.Covers(rule.Cameras) ? TypedResults.Ok(rule) : NoRule(id);

    private static async Task<Results<Created<AlertRule>, Ok<AlertRule>>> PutAsync(string id, AlertRule rule, IClusterClient cluster, CameraAccess access)
    {
        AlertInputRules.ValidateId(id);
        if (rule.Id.Length > 0 && rule.Id != id)
        {
            throw new ArgumentException($"id '{Abstractions.Cameras.CameraInputRules.Quote(rule.Id)}' in the body differs from '{id}' in the path: give the same id, or leave it out of the body");
        }

        if (!access.Scope.Covers(rule.Cameras))
        {
            throw new ForbiddenRequestException($"this key may use only the cameras {access.Scope}: a rule it stores must name only those cameras, not '{string.Join(",", rule.Cameras)}'");
        }

        var existing = await Rules(cluster).GetAsync(id);
        if (existing is not null && !access.Scope.Covers(existing.Cameras))
        {
            throw new ForbiddenRequestException($"alert rule '{id}' watches cameras outside this key's scope ({access.Scope}): this key may not replace it");
        }

        var stored = await Rules(cluster).PutAsync(rule with { Id = id });
        return existing is not null ? TypedResults.Ok(stored) : TypedResults.Created($"/api/v1/alerts/rules/{id}", stored);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IClusterClient cluster, CameraAccess access)
    {
        if (await Rules(cluster).GetAsync(id) is not { } rule || !access.Scope.Covers(rule.Cameras))
        {
            return NoRule(id);
        }

        return await Rules(cluster).RemoveAsync(id) ? TypedResults.NoContent() : NoRule(id);
    }

    private static async Task<Ok<HistoryPage<AlertDelivery>>> DeliveriesAsync(
        [FromQuery(Name = "limit"), Description("Deliveries per page, from 1 to 1000 (default 50).")] int? limit,
        [FromQuery(Name = "after"), Description("The next token of the page before.")] string? after,
        IClusterClient cluster,
        CameraAccess access)
    {
        var count = AlertInputRules.ValidateLimit(limit ?? DefaultLimit);
        if (access.Scope.IsAll)
        {
            return TypedResults.Ok(await Rules(cluster).DeliveriesAsync(count, after));
        }

        // Filtered page by page, asking each time for only as many as this page still lacks, so the token never passes a
        // visible delivery it did not return; after 20 reads the page goes out shorter, with the token where reading stopped.
        // A delivery shows its rule's id: only those of rules the key sees, and only of its cameras.
        var visible = (await Rules(cluster).ListAsync()).Where(r => access.Scope.Covers(r.Cameras)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var items = new List<AlertDelivery>();
        var next = after;
        for (var reads = 0; reads < 20 && items.Count < count && (reads == 0 || next is not null); reads++)
        {
            var page = await Rules(cluster).DeliveriesAsync(count - items.Count, next);
            items.AddRange(page.Items.Where(d => access.Sees(d.CameraId) && visible.Contains(d.RuleId)));
            next = page.Next;
        }

        return TypedResults.Ok(new HistoryPage<AlertDelivery> { Items = [.. items], Next = next });
    }

    private static ProblemHttpResult NoRule(string id) =>
        ApiProblems.NotFound($"alert rule '{id}' does not exist; GET /api/v1/alerts/rules lists the rules");
}
