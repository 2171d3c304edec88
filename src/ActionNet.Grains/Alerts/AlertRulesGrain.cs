using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;
using ActionNet.Grains.Egress;
using ActionNet.Grains.Inference;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// The rules and deliveries front (key 0): checks rules with <see cref="AlertInputRules"/>, against the models' labels
/// (a rule on a label no model gives would never fire) and against this cluster's alert settings, stores them, and tells the router at once. Storage outages reach callers as a
/// one-line <see cref="InvalidOperationException"/>.
/// </summary>
public sealed partial class AlertRulesGrain(AlertStore store, IOptions<AlertOptions> options, ModelCatalog models, EgressPolicy egress, ILogger<AlertRulesGrain> logger) : Grain, IAlertRulesGrain
{
    /// <inheritdoc/>
    public Task<AlertRule[]> ListAsync() => GuardAsync(() => store.ListRulesAsync());

    /// <inheritdoc/>
    public Task<AlertRule?> GetAsync(string id)
    {
        AlertInputRules.ValidateId(id);
        return GuardAsync(() => store.GetRuleAsync(id));
    }

    /// <inheritdoc/>
    public async Task<AlertRule> PutAsync(AlertRule rule)
    {
        AlertInputRules.Validate(rule);
        if (ModelLabels.UnknownProblem("label", rule.Label, await models.LabelsAsync()) is { } unknown)
        {
            throw new ArgumentException(unknown);
        }

        if (options.Value.TargetProblem(rule) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (rule.WebhookUrl is { Length: > 0 } url && await egress.UrlProblemAsync("webhookUrl", url) is { } denied)
        {
            throw new ArgumentException(denied);
        }

        await GuardAsync(async () =>
        {
            await store.PutRuleAsync(rule);
            return true;
        });
        await TellRouterAsync();
        return rule;
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync(string id)
    {
        AlertInputRules.ValidateId(id);
        var removed = await GuardAsync(() => store.RemoveRuleAsync(id));
        if (removed)
        {
            await TellRouterAsync();
        }

        return removed;
    }

    /// <inheritdoc/>
    public Task<HistoryPage<AlertDelivery>> DeliveriesAsync(int limit, string? after)
    {
        AlertInputRules.ValidateLimit(limit);
        return GuardAsync(() => store.DeliveriesAsync(limit, after));
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (AlertStorageUnavailableException e)
        {
            throw new InvalidOperationException(e.Message);
        }
    }

    // The router also re-reads the rules every half minute, so a change it misses now is late, not lost.
    private async Task TellRouterAsync()
    {
        try
        {
            await Task.WhenAll(AlertRouterGrain.Keys.Select(key => GrainFactory.GetGrain<IAlertRouterGrain>(key).RulesChangedAsync()));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or AlertStorageUnavailableException)
        {
            LogRouterNotTold(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert router not told of a rule change (it re-reads the rules within 30 s): {Reason}")]
    private partial void LogRouterNotTold(string reason);
}
