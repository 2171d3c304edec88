using ActionNet.Abstractions.Cameras;

namespace ActionNet.Storage;

/// <summary>
/// Where and how the label history is stored, journaled and kept. Bound from the <see cref="SectionName"/> configuration section.
/// </summary>
public sealed record HistoryStorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ActionNet:History";

    /// <summary>The full configuration key of <see cref="ConnectionString"/>, named in start-up errors.</summary>
    public const string ConnectionStringKey = SectionName + ":ConnectionString";

    /// <summary>The storage account's connection string, e.g. "UseDevelopmentStorage=true" for Azurite.</summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>The blob container holding the events (one append blob per camera and UTC hour); created on first write.</summary>
    public string ContainerName { get; init; } = "actionnet-history";

    /// <summary>The Azure Table holding the index: segments, daily totals, gaps, writer state and the camera catalogue.</summary>
    public string TableName { get; init; } = "ActionNetHistory";

    /// <summary>Retries per request after the first try; small, so an outage surfaces in seconds.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Longest wait for one network operation of one request.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Storage requests in flight at once during a query (one per camera).</summary>
    public int QueryConcurrency { get; init; } = 16;

    /// <summary>
    /// Folder of the local journal, where recorded labels are kept on disk until stored (one file per
    /// camera). Empty: a folder per cluster under the system's temporary folder.
    /// </summary>
    public string JournalPath { get; init; } = "";

    /// <summary>Most megabytes all cameras' journals of one silo may hold; past it new windows are refused and counted.</summary>
    public int JournalMaxMegabytes { get; init; } = 256;

    /// <summary>Days of history kept (events, segments, totals, gaps); 0 keeps everything. A camera's registration may override it.</summary>
    public int RetentionDays { get; init; }

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (JournalMaxMegabytes < 1)
        {
            errors.Add($"{SectionName}:{nameof(JournalMaxMegabytes)} is {JournalMaxMegabytes}; expected at least 1");
        }

        if (RetentionDays is < 0 or > CameraInputRules.MaxRetentionDays)
        {
            errors.Add($"{SectionName}:{nameof(RetentionDays)} is {RetentionDays}; expected 0 (keep everything) to {CameraInputRules.MaxRetentionDays} days");
        }

        if (string.IsNullOrWhiteSpace(TableName) || !TableName.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(TableName[0]) || TableName.Length is < 3 or > 63)
        {
            errors.Add($"{SectionName}:{nameof(TableName)} '{TableName}' is invalid: expected 3 to 63 letters and digits, starting with a letter");
        }

        return errors;
    }
}
