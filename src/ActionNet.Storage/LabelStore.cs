using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ActionNet.Storage;

/// <summary>
/// The label history of one storage account. Events live in one append blob per camera and UTC hour
/// (<c>events/{camera}/{yyyy}/{MM}/{dd}/{HH}.jsonl</c>); the index is one Azure Table: per camera its
/// segments (the primary record, each pointing at its events' bytes), daily totals per label, gaps and
/// the writer's state, plus a catalogue of cameras and their labels. Queries read the index by row-key
/// range and only the event bytes they return, so their cost grows with the days covered and the rows
/// returned, never with the events stored. Writes go through a <see cref="CameraHistoryWriter"/>, one per
/// camera. Storage failures surface as <see cref="HistoryStorageUnavailableException"/>. Thread-safe.
/// </summary>
public sealed class LabelStore
{
    private readonly HistoryReader reader;

    /// <summary>Uses <paramref name="container"/> and <paramref name="table"/> of one account.</summary>
    public LabelStore(BlobContainerClient container, TableClient table, HistoryStorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(table);
        Container = container;
        Table = table;
        Options = options ?? new HistoryStorageOptions();
        var uri = container.Uri.AbsoluteUri;
        Endpoint = new Uri(uri[..uri.TrimEnd('/').LastIndexOf('/')]);
        reader = new HistoryReader(this);
    }

    /// <summary>The storage account endpoint, named in errors.</summary>
    public Uri Endpoint { get; }

    /// <summary>The options in use.</summary>
    public HistoryStorageOptions Options { get; }

    /// <summary>The event container.</summary>
    internal BlobContainerClient Container { get; }

    /// <summary>The index table.</summary>
    internal TableClient Table { get; }

    /// <summary>
    /// A store over the account, container and table that <paramref name="options"/> name;
    /// <paramref name="policy"/>, when given, sees every request, retries included (a <see cref="StorageCallCounter"/>
    /// counts them; the silo's meter times writes).
    /// </summary>
    public static LabelStore Connect(HistoryStorageOptions options, HttpPipelinePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var blobOptions = CreateClientOptions(options);
        var tableOptions = CreateTableClientOptions(options);
        if (policy is not null)
        {
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        var service = new BlobServiceClient(options.ConnectionString, blobOptions);
        var tables = new TableServiceClient(options.ConnectionString, tableOptions);
        return new LabelStore(service.GetBlobContainerClient(options.ContainerName), tables.GetTableClient(options.TableName), options);
    }

    /// <summary>Blob client options with bounded retries and timeouts, and a service version that both Azure and Azurite accept.</summary>
    public static BlobClientOptions CreateClientOptions(HistoryStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        Configure(clientOptions.Retry, options);
        return clientOptions;
    }

    /// <summary>Table client options with the same bounded retries and timeouts.</summary>
    public static TableClientOptions CreateTableClientOptions(HistoryStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        Configure(clientOptions.Retry, options);
        return clientOptions;
    }

    /// <summary>Creates the container and the table when they do not exist.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(
            async () =>
            {
                await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await Table.CreateIfNotExistsAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Opens the writer of <paramref name="cameraId"/> for <paramref name="silo"/>, replacing (fencing) any
    /// earlier writer, and adds the camera to the catalogue with its model's <paramref name="labels"/> when known.
    /// </summary>
    public Task<CameraHistoryWriter> OpenWriterAsync(string cameraId, string silo, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        return GuardAsync(() => CameraHistoryWriter.OpenAsync(this, camera, silo, cancellationToken), cancellationToken);
    }

    /// <summary>Records that <paramref name="cameraId"/> has history, scored with <paramref name="labels"/> (the model's labels, in index order).</summary>
    public Task RegisterCameraAsync(string cameraId, IReadOnlyList<string> labels, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        ArgumentNullException.ThrowIfNull(labels);
        var row = new TableEntity(HistoryKeys.CatalogPartition, HistoryKeys.Camera(camera))
        {
            ["Camera"] = camera,
            ["Labels"] = System.Text.Json.JsonSerializer.Serialize(labels),
        };
        return GuardAsync(
            async () =>
            {
                await WithTableAsync(() => Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Every camera with history and its labels, in ordinal order.</summary>
    public Task<IReadOnlyList<(string Camera, string[] Labels)>> ListCamerasAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(() => reader.CamerasAsync(cancellationToken), cancellationToken);

    /// <summary>The highest stored event sequence of <paramref name="cameraId"/>, or null when none.</summary>
    public Task<long?> GetLastSequenceAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        return GuardAsync(
            async () =>
            {
                var (state, _) = await ReadStateAsync(camera, cancellationToken);
                return state?.GetInt64("HighWater") is { } high and >= 0 ? high : (long?)null;
            },
            cancellationToken);
    }

    /// <summary>One page of events matching <paramref name="query"/>, by time, then camera, then sequence.</summary>
    /// <exception cref="ArgumentException">The query breaks <see cref="HistoryQueryRules"/> or names an unknown label.</exception>
    public Task<HistoryPage<ActionEvent>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        GuardAsync(() => reader.EventsAsync(query, cancellationToken), cancellationToken);

    /// <summary>One page of segments ending in the query's range, by their first event's end, then camera.</summary>
    public Task<HistoryPage<LabelSegment>> QuerySegmentsAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        GuardAsync(() => reader.SegmentsAsync(query, cancellationToken), cancellationToken);

    /// <summary>One page of seconds per label per camera (by camera, then label) over the segments ending in the query's range.</summary>
    public Task<HistoryPage<LabelTotal>> SummarizeAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        GuardAsync(() => reader.SummaryAsync(query, cancellationToken), cancellationToken);

    /// <summary>One page of gaps and lost windows ending in the query's range, earliest first.</summary>
    public Task<HistoryPage<HistoryGap>> QueryGapsAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        GuardAsync(() => reader.GapsAsync(query, cancellationToken), cancellationToken);

    /// <summary>
    /// Writes every stored segment of <paramref name="cameraId"/> into the cross-camera label index (upserts, so a
    /// repeated run changes nothing): for history stored before the index existed. Returns the segments indexed.
    /// </summary>
    public Task<int> ReindexAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        return GuardAsync(
            async () =>
            {
                var rows = new List<LabelSegmentRow>();
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {camera} and RowKey ge {HistoryKeys.SegmentPrefix} and RowKey lt {HistoryKeys.SegmentPrefix + "~"}");
                await foreach (var row in Table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken))
                {
                    rows.Add(HistoryRows.ToSegment(row));
                }

                await SubmitLabelIndexAsync(camera, rows, cancellationToken);
                return rows.Count;
            },
            cancellationToken);
    }

    internal async Task<(TableEntity? Entity, ETag? ETag)> ReadStateAsync(string camera, CancellationToken cancellationToken)
    {
        var found = await WithTableAsync(() => Table.GetEntityIfExistsAsync<TableEntity>(camera, HistoryKeys.StateRow, cancellationToken: cancellationToken), cancellationToken);
        return found.HasValue ? (found.Value, found.Value!.ETag) : (null, null);
    }

    internal async Task<long> ReadEpochAsync(string camera, CancellationToken cancellationToken) =>
        (await ReadStateAsync(camera, cancellationToken)).Entity?.GetInt64("Epoch") ?? 0;

    // Submits one camera's actions, at most 100 per transaction, the last (the state row) in the last one.
    internal async Task<ETag> SubmitAsync(string camera, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var chunks = actions.Chunk(100).ToArray();
        ETag last = default;
        foreach (var chunk in chunks)
        {
            try
            {
                var response = await WithTableAsync(() => Table.SubmitTransactionAsync(chunk, cancellationToken), cancellationToken);
                last = response.Value[^1].Headers.ETag ?? default;
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
            {
                throw new WriterFencedException(camera, "the writer state changed under it (a newer writer epoch)");
            }
        }

        return last;
    }

    // Upserts segments into the cross-camera label index: one transaction per (day, label) partition and 100 rows.
    internal async Task SubmitLabelIndexAsync(string camera, IEnumerable<LabelSegmentRow> segments, CancellationToken cancellationToken)
    {
        foreach (var partition in segments.Select(s => HistoryRows.ToLabelIndexEntity(camera, s)).GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
                await WithTableAsync(() => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            }
        }
    }

    internal async Task<bool> CreateAppendBlobAsync(AppendBlobClient blob, CancellationToken cancellationToken)
    {
        var create = new AppendBlobCreateOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
            Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.CreateAsync(create, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409 || e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return await CreateAppendBlobAsync(blob, cancellationToken);
        }
    }

    // A table that does not exist yet is created on first use.
    internal async Task<T> WithTableAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            await Table.CreateIfNotExistsAsync(cancellationToken);
            return await operation();
        }
    }

    internal async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is not HistoryStorageUnavailableException && StorageFailures.IsOutage(e, cancellationToken))
        {
            throw new HistoryStorageUnavailableException(Endpoint, StorageFailures.Describe(e), e);
        }
    }

    private static void Configure(RetryOptions retry, HistoryStorageOptions options)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = options.MaxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(1);
        retry.NetworkTimeout = options.NetworkTimeout;
    }
}
