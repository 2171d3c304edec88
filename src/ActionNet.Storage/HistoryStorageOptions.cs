namespace ActionNet.Storage;

/// <summary>
/// Where and how the label history is stored. Bound from the <see cref="SectionName"/> configuration section.
/// </summary>
public sealed record HistoryStorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ActionNet:History";

    /// <summary>The full configuration key of <see cref="ConnectionString"/>, named in start-up errors.</summary>
    public const string ConnectionStringKey = SectionName + ":ConnectionString";

    /// <summary>The storage account's connection string, e.g. "UseDevelopmentStorage=true" for Azurite.</summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>The blob container holding events and segments; created on first write.</summary>
    public string ContainerName { get; init; } = "actionnet-history";

    /// <summary>Retries per request after the first try; small, so an outage surfaces in seconds.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Longest wait for one network operation of one request.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most partition prefixes one camera's range query lists; a wider range is listed by day, month or
    /// year prefixes instead of hours.
    /// </summary>
    public int MaxPrefixesPerQuery { get; init; } = 168;

    /// <summary>Blob downloads or listings in flight at once during a query.</summary>
    public int QueryConcurrency { get; init; } = 8;
}
