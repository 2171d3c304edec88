using ActionNet.Abstractions.History;

namespace ActionNet.Abstractions.Alerts;

/// <summary>
/// The alert rules and their delivery record, for the API and <c>actionnet alerts</c>. Rules and deliveries
/// are stored in the cluster's storage account; changes reach the alert router at once. One per cluster;
/// key: <see cref="Key"/>.
/// </summary>
public interface IAlertRulesGrain : IGrainWithIntegerKey
{
    /// <summary>The grain's only key.</summary>
    public const long Key = 0;

    /// <summary>Every rule, by id in ordinal order.</summary>
    Task<AlertRule[]> ListAsync();

    /// <summary>The rule <paramref name="id"/>, or null when there is none.</summary>
    /// <exception cref="ArgumentException">The id is not a legal rule id.</exception>
    Task<AlertRule?> GetAsync(string id);

    /// <summary>Creates or replaces the rule with <paramref name="rule"/>'s id and returns it as stored.</summary>
    /// <exception cref="ArgumentException">
    /// A field breaks <see cref="AlertInputRules"/>, or asks for a target this cluster has no settings for; the
    /// one-line message names the field and what was expected.
    /// </exception>
    Task<AlertRule> PutAsync(AlertRule rule);

    /// <summary>Removes the rule <paramref name="id"/>; false when there was none. Its open firings still end.</summary>
    /// <exception cref="ArgumentException">The id is not a legal rule id.</exception>
    Task<bool> RemoveAsync(string id);

    /// <summary>
    /// Deliveries, newest first: at most <paramref name="limit"/> (1 to <see cref="AlertInputRules.MaxDeliveriesLimit"/>),
    /// continuing after the page whose <see cref="HistoryPage{T}.Next"/> was <paramref name="after"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The limit is out of range or the token is not one a page returned.</exception>
    Task<HistoryPage<AlertDelivery>> DeliveriesAsync(int limit, string? after);
}
