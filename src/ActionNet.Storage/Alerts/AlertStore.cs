using System.Globalization;
using System.Text.Json;
using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using Azure;
using Azure.Data.Tables;

namespace ActionNet.Storage.Alerts;

/// <summary>
/// Alert rules and deliveries in two Azure Tables of the cluster's storage account. The rules table holds
/// the rules (partition <c>rule</c>), the latest firing of each rule on each camera (<c>firing</c>) and the
/// router's checkpoint (<c>router</c>). The deliveries table is the outbox: each delivery is written as two
/// rows of one partition in one transaction, one keyed by its id (so a re-derived phase is refused as a
/// duplicate, and pending rows are found again) and one keyed by inverted creation time (newest first, for
/// listing), and both are updated after each attempt; settled deliveries older than the retention are swept
/// (<see cref="SweepDeliveriesAsync"/>). Outages surface as
/// <see cref="AlertStorageUnavailableException"/>. Thread-safe.
/// </summary>
public sealed class AlertStore
{
    private const string RulePartition = "rule";
    private const string FiringPartition = "firing";
    private const string RouterPartition = "router";
    private const string CheckpointRow = "checkpoint";
    private const string DeliveryPartition = "delivery";
    private const string ByIdPrefix = "i.";
    private const string ByTimePrefix = "t.";
    private const string TokenVersion = "d1";

    /// <summary>The most deliveries one <see cref="SweepDeliveriesAsync"/> removes.</summary>
    public const int MaxSweptDeliveries = 5000;

    private readonly TableClient rules;
    private readonly TableClient deliveries;
    private readonly Uri endpoint;
    private readonly Lock creating = new();
    private Task? created;

    /// <summary>Uses <paramref name="rules"/> and <paramref name="deliveries"/> of the account at <paramref name="endpoint"/>.</summary>
    public AlertStore(TableClient rules, TableClient deliveries, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(endpoint);
        this.rules = rules;
        this.deliveries = deliveries;
        this.endpoint = endpoint;
    }

    /// <summary>A store over the tables <paramref name="rulesTable"/> and <paramref name="deliveriesTable"/> of the account of <paramref name="connectionString"/>.</summary>
    public static AlertStore Connect(string connectionString, string rulesTable, string deliveriesTable)
    {
        var service = new TableServiceClient(connectionString, LabelStore.CreateTableClientOptions(new HistoryStorageOptions()));
        return new AlertStore(service.GetTableClient(rulesTable), service.GetTableClient(deliveriesTable), service.Uri);
    }

    /// <summary>Every rule, by id in ordinal order.</summary>
    public Task<AlertRule[]> ListRulesAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () => (await ReadJsonAsync<AlertRule>(rules, RulePartition, cancellationToken)).ToArray(), cancellationToken);

    /// <summary>The rule <paramref name="id"/>, or null.</summary>
    public Task<AlertRule?> GetRuleAsync(string id, CancellationToken cancellationToken = default) =>
        GuardAsync(
            async () =>
            {
                var row = await rules.GetEntityIfExistsAsync<TableEntity>(RulePartition, AlertInputRules.ValidateId(id), cancellationToken: cancellationToken);
                return row.HasValue ? FromJson<AlertRule>(row.Value!) : null;
            },
            cancellationToken);

    /// <summary>Creates or replaces the rule (already validated).</summary>
    public Task PutRuleAsync(AlertRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return GuardAsync(() => rules.UpsertEntityAsync(ToJson(RulePartition, AlertInputRules.ValidateId(rule.Id), rule), TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    /// <summary>Removes the rule <paramref name="id"/>; false when there was none.</summary>
    public Task<bool> RemoveRuleAsync(string id, CancellationToken cancellationToken = default) =>
        GuardAsync(
            async () =>
            {
                var key = AlertInputRules.ValidateId(id);
                var row = await rules.GetEntityIfExistsAsync<TableEntity>(RulePartition, key, ["PartitionKey"], cancellationToken);
                if (!row.HasValue)
                {
                    return false;
                }

                await rules.DeleteEntityAsync(RulePartition, key, ETag.All, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>The latest firing of every rule on every camera.</summary>
    public Task<AlertFiringState[]> ListFiringsAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () => (await ReadJsonAsync<AlertFiringState>(rules, FiringPartition, cancellationToken)).ToArray(), cancellationToken);

    /// <summary>Records <paramref name="state"/> as the latest firing of its rule on its camera.</summary>
    public Task PutFiringAsync(AlertFiringState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return GuardAsync(() => rules.UpsertEntityAsync(ToJson(FiringPartition, state.TrackId is { } track ? $"{state.RuleId}.{state.CameraId}.{track}" : $"{state.RuleId}.{state.CameraId}", state), TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The camera time up to which the router of <paramref name="router"/> (a partition's key) had seen live events;
    /// before its first checkpoint, the single router's checkpoint of an earlier version, or null.
    /// </summary>
    public Task<DateTimeOffset?> GetCheckpointAsync(string router, CancellationToken cancellationToken = default) =>
        GuardAsync(
            async () =>
            {
                foreach (var key in new[] { $"{CheckpointRow}|{router}", CheckpointRow })
                {
                    var row = await rules.GetEntityIfExistsAsync<TableEntity>(RouterPartition, key, cancellationToken: cancellationToken);
                    if (row.HasValue)
                    {
                        return row.Value!.GetDateTimeOffset("Seen");
                    }
                }

                return null;
            },
            cancellationToken);

    /// <summary>Records the checkpoint of the router of <paramref name="router"/>.</summary>
    public Task PutCheckpointAsync(string router, DateTimeOffset seen, CancellationToken cancellationToken = default) =>
        GuardAsync(() => rules.UpsertEntityAsync(new TableEntity(RouterPartition, $"{CheckpointRow}|{router}") { ["Seen"] = seen.ToUniversalTime() }, TableUpdateMode.Replace, cancellationToken), cancellationToken);

    /// <summary>
    /// Records a new pending delivery (the outbox row, before any send); false when a delivery with its id is
    /// already recorded, pending or done, so the phase must not be sent again.
    /// </summary>
    public Task<bool> TryAddDeliveryAsync(AlertOutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return GuardAsync(
            async () =>
            {
                try
                {
                    await deliveries.SubmitTransactionAsync(
                        [
                            new TableTransactionAction(TableTransactionActionType.Add, ToEntity(ByIdKey(entry.Delivery), entry)),
                            new TableTransactionAction(TableTransactionActionType.Add, ToEntity(ByTimeKey(entry.Delivery), entry)),
                        ],
                        cancellationToken);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    return false;
                }
            },
            cancellationToken);
    }

    /// <summary>Records the outcome of an attempt (both rows).</summary>
    public Task UpdateDeliveryAsync(AlertOutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return GuardAsync(
            () => deliveries.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(ByIdKey(entry.Delivery), entry)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(ByTimeKey(entry.Delivery), entry)),
                ],
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Every pending delivery, oldest first: what a restarted router sends again.</summary>
    public Task<AlertOutboxEntry[]> PendingDeliveriesAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(
            async () =>
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryPartition} and RowKey ge {ByIdPrefix} and RowKey lt {Next(ByIdPrefix)} and Outcome eq {Name(AlertOutcome.Pending)}");
                var pending = new List<AlertOutboxEntry>();
                await foreach (var row in deliveries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    pending.Add(FromEntity(row));
                }

                return pending.OrderBy(e => e.Delivery.CreatedAt).ThenBy(e => e.Delivery.Id, StringComparer.Ordinal).ToArray();
            },
            cancellationToken);

    /// <summary>At most <paramref name="limit"/> deliveries, newest first, after the page whose token was <paramref name="after"/>.</summary>
    /// <exception cref="ArgumentException">The limit is out of range or the token is not one a page returned.</exception>
    public Task<HistoryPage<AlertDelivery>> DeliveriesAsync(int limit, string? after, CancellationToken cancellationToken = default)
    {
        AlertInputRules.ValidateLimit(limit);
        var from = after is null ? ByTimePrefix : DecodeToken(after);
        return GuardAsync(
            async () =>
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryPartition} and RowKey gt {from} and RowKey lt {Next(ByTimePrefix)}");
                var page = new List<(string Key, AlertDelivery Delivery)>(limit + 1);
                await foreach (var row in deliveries.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: cancellationToken))
                {
                    page.Add((row.RowKey, FromEntity(row).Delivery));
                    if (page.Count > limit)
                    {
                        break;
                    }
                }

                var more = page.Count > limit;
                var items = page.Take(limit).ToArray();
                return new HistoryPage<AlertDelivery> { Items = [.. items.Select(i => i.Delivery)], Next = more ? EncodeToken(items[^1].Key) : null };
            },
            cancellationToken);
    }

    /// <summary>
    /// Removes the deliveries created before <paramref name="before"/> whose outcome is settled (both rows of
    /// each), at most <see cref="MaxSweptDeliveries"/> per call (the next sweep goes on); pending ones stay until
    /// the router settles them. Returns how many were removed.
    /// </summary>
    public Task<int> SweepDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        GuardAsync(
            async () =>
            {
                // Newest first by key, so everything created before the cutoff sorts after its key; '/' follows
                // the '.' that ends the time in a key, so a delivery created exactly at the cutoff is kept.
                var from = ByTimePrefix + Inverted(before) + "/";
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryPartition} and RowKey gt {from} and RowKey lt {Next(ByTimePrefix)} and Outcome ne {Name(AlertOutcome.Pending)}");
                var old = new List<(string TimeKey, string IdKey)>();
                await foreach (var row in deliveries.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", "Id"], cancellationToken: cancellationToken))
                {
                    old.Add((row.RowKey, ByIdPrefix + (row.GetString("Id") ?? "")));
                    if (old.Count == MaxSweptDeliveries)
                    {
                        break;
                    }
                }

                // One partition: a transaction removes up to 50 deliveries (its limit is 100 rows).
                foreach (var chunk in old.Chunk(50))
                {
                    await DeleteDeliveriesAsync(chunk, cancellationToken);
                }

                return old.Count;
            },
            cancellationToken);

    private async Task DeleteDeliveriesAsync((string TimeKey, string IdKey)[] chunk, CancellationToken cancellationToken)
    {
        var keys = chunk.SelectMany(d => new[] { d.TimeKey, d.IdKey }).ToArray();
        try
        {
            await deliveries.SubmitTransactionAsync(
                keys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(DeliveryPartition, key), ETag.All)),
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A row is gone already (an earlier sweep stopped between the two rows of a delivery): row by row.
            foreach (var key in keys)
            {
                try
                {
                    using var _ = await deliveries.DeleteEntityAsync(DeliveryPartition, key, ETag.All, cancellationToken);
                }
                catch (RequestFailedException gone) when (gone.Status == 404)
                {
                }
            }
        }
    }

    private static string ByIdKey(AlertDelivery delivery) => ByIdPrefix + delivery.Id;

    // Inverted ticks of the creation time (whole milliseconds, which every table service keeps exactly), so the newest sorts first.
    private static string ByTimeKey(AlertDelivery delivery) => $"{ByTimePrefix}{Inverted(delivery.CreatedAt)}.{delivery.Id}";

    private static string Inverted(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond);
        return (DateTimeOffset.MaxValue.UtcTicks - ticks).ToString("D19", CultureInfo.InvariantCulture);
    }

    private static string Next(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static T Parse<T>(string? text)
        where T : struct, Enum => Enum.Parse<T>(text ?? "", ignoreCase: true);

    private static TableEntity ToEntity(string rowKey, AlertOutboxEntry entry)
    {
        var d = entry.Delivery;
        return new TableEntity(DeliveryPartition, rowKey)
        {
            ["Id"] = d.Id,
            ["FiringId"] = d.FiringId,
            ["RuleId"] = d.RuleId,
            ["CameraId"] = d.CameraId,
            ["Label"] = d.Label,
            ["Phase"] = Name(d.Phase),
            ["Target"] = Name(d.Target),
            ["Outcome"] = Name(d.Outcome),
            ["Attempts"] = d.Attempts,
            ["LastError"] = d.LastError,
            ["CreatedAt"] = d.CreatedAt.ToUniversalTime(),
            ["CompletedAt"] = d.CompletedAt?.ToUniversalTime(),
            ["Body"] = entry.Body,
            ["WebhookUrl"] = entry.WebhookUrl,
        };
    }

    private static AlertOutboxEntry FromEntity(TableEntity row) => new(
        new AlertDelivery
        {
            Id = row.GetString("Id") ?? "",
            FiringId = row.GetString("FiringId") ?? "",
            RuleId = row.GetString("RuleId") ?? "",
            CameraId = row.GetString("CameraId") ?? "",
            Label = row.GetString("Label") ?? "",
            Phase = Parse<AlertPhase>(row.GetString("Phase")),
            Target = Parse<AlertTarget>(row.GetString("Target")),
            Outcome = Parse<AlertOutcome>(row.GetString("Outcome")),
            Attempts = row.GetInt32("Attempts") ?? 0,
            LastError = row.GetString("LastError"),
            CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
            CompletedAt = row.GetDateTimeOffset("CompletedAt"),
        },
        row.GetString("Body") ?? "",
        row.GetString("WebhookUrl"));

    private static TableEntity ToJson<T>(string partition, string row, T value) =>
        new(partition, row) { ["Json"] = JsonSerializer.Serialize(value, AlertNotification.Json) };

    private static T FromJson<T>(TableEntity row) =>
        JsonSerializer.Deserialize<T>(row.GetString("Json") ?? "null", AlertNotification.Json)
            ?? throw new InvalidDataException($"alert table row {row.PartitionKey}/{row.RowKey} holds no value");

    private static async Task<List<T>> ReadJsonAsync<T>(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            all.Add(FromJson<T>(row));
        }

        return all;
    }

    private static string EncodeToken(string rowKey) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TokenVersion}\n{rowKey}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeToken(string token)
    {
        string? text = null;
        if (token.Length is > 0 and <= 512)
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            var bytes = new byte[base64.Length];
            text = Convert.TryFromBase64String(base64, bytes, out var written) ? System.Text.Encoding.UTF8.GetString(bytes, 0, written) : null;
        }

        var parts = text?.Split('\n');
        if (parts is not [TokenVersion, var key] || !key.StartsWith(ByTimePrefix, StringComparison.Ordinal) || key.Any(char.IsControl))
        {
            var shown = token.Length > 40 ? token[..40] + "..." : token;
            throw new ArgumentException($"after '{Abstractions.Cameras.CameraInputRules.Quote(shown)}' is not a continuation token: expected the token a previous page of deliveries returned");
        }

        return parts[1];
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (creating)
        {
            created ??= CreateTablesAsync();
            task = created;
        }

        try
        {
            await task.WaitAsync(cancellationToken);
        }
        catch when (task.IsFaulted)
        {
            lock (creating)
            {
                if (ReferenceEquals(created, task))
                {
                    created = null;
                }
            }

            throw;
        }
    }

    private async Task CreateTablesAsync()
    {
        await rules.CreateIfNotExistsAsync();
        await deliveries.CreateIfNotExistsAsync();
    }

    private Task GuardAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        GuardAsync(
            async () =>
            {
                await operation();
                return true;
            },
            cancellationToken);

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureCreatedAsync(cancellationToken);
            return await operation();
        }
        catch (Exception e) when (StorageFailures.IsOutage(e, cancellationToken))
        {
            throw new AlertStorageUnavailableException(endpoint, StorageFailures.Describe(e), e);
        }
    }
}
