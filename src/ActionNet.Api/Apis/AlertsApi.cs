using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using ActionNet.Api.Auth;

namespace ActionNet.Api.Apis;

/// <summary>
/// <c>/api/v1/alerts</c>: alert rules (read by viewers, managed by operators) and the record of their deliveries,
/// newest first, paged with a continuation token.
/// </summary>
public static class AlertsApi
{
    /// <summary>Deliveries per page when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/alerts").WithTags("Alerts").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/rules", (IClusterClient cluster) => Rules(cluster).ListAsync());
        group.MapGet("/rules/{id}", GetAsync);
        group.MapPut("/rules/{id}", PutAsync).RequireAuthorization(ApiPolicies.Operator);
        group.MapDelete("/rules/{id}", DeleteAsync).RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/deliveries", DeliveriesAsync);
        return group;
    }

    private static IAlertRulesGrain Rules(IClusterClient cluster) => cluster.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);

    private static async Task<IResult> GetAsync(string id, IClusterClient cluster) =>
        await Rules(cluster).GetAsync(id) is { } rule ? TypedResults.Ok(rule) : NoRule(id);

    private static async Task<IResult> PutAsync(string id, AlertRule rule, IClusterClient cluster)
    {
        var existed = await Rules(cluster).GetAsync(id) is not null;
        var stored = await Rules(cluster).PutAsync(rule with { Id = id });
        return existed ? TypedResults.Ok(stored) : TypedResults.Created($"/api/v1/alerts/rules/{id}", stored);
    }

    private static async Task<IResult> DeleteAsync(string id, IClusterClient cluster) =>
        await Rules(cluster).RemoveAsync(id) ? TypedResults.NoContent() : NoRule(id);

    private static Task<HistoryPage<AlertDelivery>> DeliveriesAsync(string? limit, string? after, IClusterClient cluster)
    {
        var count = DefaultLimit;
        if (limit is not null && !int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
        {
            throw new ArgumentException($"limit '{Abstractions.Cameras.CameraInputRules.Quote(limit)}' is invalid: expected a whole number from 1 to {AlertInputRules.MaxDeliveriesLimit}");
        }

        return Rules(cluster).DeliveriesAsync(count, after);
    }

    private static IResult NoRule(string id) =>
        ApiProblems.NotFound($"alert rule '{id}' does not exist; GET /api/v1/alerts/rules lists the rules");
}
