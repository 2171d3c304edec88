using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage;

/// <summary>
/// The append-only history of labels and label segments in one blob container. Records are written
/// in small JSONL batches, one blob per camera and UTC hour (see <see cref="HistoryBlobLayout"/>),
/// created only if absent, so a retried batch never writes a record twice; queries also drop
/// repeated (camera, sequence) pairs. Storage failures surface as <see cref="HistoryStorageUnavailableException"/>.
/// Safe for concurrent use.
/// </summary>
public sealed class LabelHistory
{
    private readonly BlobContainerClient container;
    private readonly HistoryStorageOptions options;
    private readonly HistoryListing listing;

    /// <summary>Uses <paramref name="container"/>; <paramref name="options"/> supply the query limits.</summary>
    public LabelHistory(BlobContainerClient container, HistoryStorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        this.container = container;
        this.options = options ?? new HistoryStorageOptions();
        listing = new HistoryListing(container, Math.Max(1, this.options.QueryConcurrency));
        var uri = container.Uri.AbsoluteUri;
        Endpoint = new Uri(uri[..uri.TrimEnd('/').LastIndexOf('/')]);
    }

    /// <summary>The storage account endpoint, named in errors.</summary>
    public Uri Endpoint { get; }

    /// <summary>A history over the account and container that <paramref name="options"/> name.</summary>
    public static LabelHistory Connect(HistoryStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var service = new BlobServiceClient(options.ConnectionString, CreateClientOptions(options));
        return new LabelHistory(service.GetBlobContainerClient(options.ContainerName), options);
    }

    /// <summary>
    /// Client options with bounded retries and timeouts, and a service version that both Azure and
    /// Azurite accept.
    /// </summary>
    public static BlobClientOptions CreateClientOptions(HistoryStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return clientOptions;
    }

    /// <summary>Creates the container when it does not exist.</summary>
    public Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(() => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Writes <paramref name="events"/>, one blob per camera and hour. Writing the same batch again
    /// creates nothing; callers skip sequences at or below <see cref="GetLastSequenceAsync"/>.
    /// </summary>
    public Task<HistoryAppendResult> AppendEventsAsync(IEnumerable<ActionEvent> events, CancellationToken cancellationToken = default) =>
        AppendAsync(HistoryRecordKind<ActionEvent>.Events, events, cancellationToken);

    /// <summary>Writes closed <paramref name="segments"/>, one blob per camera and hour of their end.</summary>
    public Task<HistoryAppendResult> AppendSegmentsAsync(IEnumerable<LabelSegment> segments, CancellationToken cancellationToken = default) =>
        AppendAsync(HistoryRecordKind<LabelSegment>.Segments, segments, cancellationToken);

    /// <summary>Writes <paramref name="gaps"/>, one blob per camera and hour of their end; idempotent like events.</summary>
    public Task<HistoryAppendResult> AppendGapsAsync(IEnumerable<HistoryGap> gaps, CancellationToken cancellationToken = default) =>
        AppendAsync(HistoryRecordKind<HistoryGap>.Gaps, gaps, cancellationToken);

    /// <summary>Gaps matching the query's cameras and time range (by their end), earliest first.</summary>
    public async Task<IReadOnlyList<HistoryGap>> QueryGapsAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(HistoryRecordKind<HistoryGap>.Gaps, query with { Label = null, MinConfidence = 0 }, Limit(query), cancellationToken);
    }

    /// <summary>
    /// The stored event with the highest sequence for <paramref name="cameraId"/>, or null when none: where a
    /// reactivated aggregator resumes, and the start of any outage it then sees.
    /// </summary>
    public Task<ActionEvent?> GetLastEventAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        var prefix = HistoryBlobLayout.CameraPrefix(HistoryRecordKind<ActionEvent>.Events.Root, CameraIds.Validate(cameraId));
        return GuardAsync(
            async () =>
            {
                (string Name, long Last)? newest = null;
                foreach (var hour in await listing.NewestPartitionsAsync(prefix, depth: 4, wanted: 2, cancellationToken))
                {
                    foreach (var name in await listing.ListNamesAsync(hour, cancellationToken))
                    {
                        if (HistoryBlobLayout.TryParse(name, out _, out _, out var lastInBlob) && lastInBlob > (newest?.Last ?? -1))
                        {
                            newest = (name, lastInBlob);
                        }
                    }
                }

                if (newest is not { } blob)
                {
                    return null;
                }

                var events = (await listing.DownloadAsync<ActionEvent>([blob.Name], cancellationToken))[0];
                return events.MaxBy(e => e.Sequence);
            },
            cancellationToken);
    }

    /// <summary>
    /// The highest event sequence stored for <paramref name="cameraId"/>, or null when none, read from
    /// the blob names of the camera's two newest hour partitions.
    /// </summary>
    public Task<long?> GetLastSequenceAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        var prefix = HistoryBlobLayout.CameraPrefix(HistoryRecordKind<ActionEvent>.Events.Root, CameraIds.Validate(cameraId));
        return GuardAsync(
            async () =>
            {
                long? last = null;
                foreach (var hour in await listing.NewestPartitionsAsync(prefix, depth: 4, wanted: 2, cancellationToken))
                {
                    foreach (var name in await listing.ListNamesAsync(hour, cancellationToken))
                    {
                        if (HistoryBlobLayout.TryParse(name, out _, out _, out var lastInBlob) && lastInBlob > (last ?? -1))
                        {
                            last = lastInBlob;
                        }
                    }
                }

                return last;
            },
            cancellationToken);
    }

    /// <summary>Every camera with stored events, in ordinal order.</summary>
    public Task<IReadOnlyList<string>> ListCamerasAsync(CancellationToken cancellationToken = default) =>
        GuardAsync<IReadOnlyList<string>>(
            async () =>
            {
                var root = HistoryRecordKind<ActionEvent>.Events.Root + "/";
                var children = await listing.ListChildPrefixesAsync(root, cancellationToken);
                return [.. children.Select(p => p[root.Length..^1]).Where(CameraIds.IsValid)];
            },
            cancellationToken);

    /// <summary>Events matching <paramref name="query"/>, earliest first (time, then camera, then sequence), each (camera, sequence) once.</summary>
    public async Task<IReadOnlyList<ActionEvent>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(HistoryRecordKind<ActionEvent>.Events, query, Limit(query), cancellationToken);
    }

    /// <summary>Segments matching <paramref name="query"/> (by their end time and mean confidence), earliest first.</summary>
    public async Task<IReadOnlyList<LabelSegment>> QuerySegmentsAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadAsync(HistoryRecordKind<LabelSegment>.Segments, query, Limit(query), cancellationToken);
    }

    /// <summary>
    /// Seconds per label per camera over the events in the query's cameras and range; the label and
    /// confidence filters choose which events count. The limit does not apply.
    /// </summary>
    public async Task<IReadOnlyList<LabelTotal>> SummarizeAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var everything = query with { Label = null, MinConfidence = 0 };
        var events = await ReadAsync(HistoryRecordKind<ActionEvent>.Events, everything, int.MaxValue, cancellationToken);
        return LabelTimeTotals.Compute(events, query);
    }

    private static int Limit(HistoryQuery query) =>
        query.Limit >= 1 ? query.Limit : throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "a history query's limit must be at least 1");

    private Task<HistoryAppendResult> AppendAsync<T>(HistoryRecordKind<T> kind, IEnumerable<T> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batches = new List<(string Name, T[] Records)>();
        foreach (var byCamera in records.GroupBy(kind.Camera, StringComparer.Ordinal))
        {
            var camera = CameraIds.Validate(byCamera.Key);
            var ordered = byCamera.DistinctBy(kind.FirstSequence).OrderBy(kind.FirstSequence).ToArray();
            if (ordered.Length > 0 && kind.FirstSequence(ordered[0]) < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(records), $"camera '{camera}' has a negative window sequence");
            }

            foreach (var byHour in ordered.GroupBy(r => HistoryBlobLayout.HourOf(kind.Time(r))))
            {
                var inHour = byHour.ToArray();
                var name = HistoryBlobLayout.BlobName(kind.Root, camera, byHour.Key, kind.FirstSequence(inHour[0]), inHour.Max(kind.LastSequence));
                batches.Add((name, inHour));
            }
        }

        return GuardAsync(
            async () =>
            {
                var result = HistoryAppendResult.None;
                foreach (var (name, batch) in batches)
                {
                    result = result.Add(await CreateBlobAsync(name, JsonLines.Write(batch), cancellationToken));
                }

                return result;
            },
            cancellationToken);
    }

    private async Task<HistoryAppendResult> CreateBlobAsync(string name, BinaryData content, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
        };
        var blob = container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(content, upload, cancellationToken);
            return new HistoryAppendResult(1, 0);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return new HistoryAppendResult(0, 1);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return await CreateBlobAsync(name, content, cancellationToken);
        }
    }

    private Task<List<T>> ReadAsync<T>(HistoryRecordKind<T> kind, HistoryQuery query, int limit, CancellationToken cancellationToken) =>
        GuardAsync(
            async () =>
            {
                var cameras = query.Cameras.Length > 0
                    ? query.Cameras.Select(CameraIds.Validate).Distinct(StringComparer.Ordinal).ToArray()
                    : [.. await ListCamerasAsync(cancellationToken)];
                var perCamera = new List<T>[cameras.Length];
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, cameras.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.QueryConcurrency), CancellationToken = cancellationToken },
                    async (i, ct) => perCamera[i] = await ReadCameraAsync(kind, cameras[i], query, limit, ct));
                var merged = perCamera.SelectMany(r => r).ToList();
                merged.Sort(kind.Compare);
                return merged.Count > limit ? merged[..limit] : merged;
            },
            cancellationToken);

    // Partitions are read in time order and whole, so once a camera has `limit` matches no later
    // partition can hold an earlier one.
    private async Task<List<T>> ReadCameraAsync<T>(HistoryRecordKind<T> kind, string camera, HistoryQuery query, int limit, CancellationToken cancellationToken)
    {
        var to = query.To ?? Max(query.From ?? DateTimeOffset.UtcNow, DateTimeOffset.UtcNow).AddDays(1);
        var firstHour = query.From is { } from ? HistoryBlobLayout.HourOf(from) : DateTime.MinValue;
        var seen = new HashSet<long>();
        var matches = new List<T>();
        foreach (var prefix in HistoryBlobLayout.RangePrefixes(kind.Root, camera, query.From, to, options.MaxPrefixesPerQuery))
        {
            var partitions = (await listing.ListNamesAsync(prefix, cancellationToken))
                .Select(name => (Ok: HistoryBlobLayout.TryParse(name, out var hour, out _, out _), Hour: hour, Name: name))
                .Where(b => b.Ok && b.Hour >= firstHour && b.Hour < to.UtcDateTime)
                .GroupBy(b => b.Hour);
            foreach (var partition in partitions)
            {
                foreach (var blob in await listing.DownloadAsync<T>(partition.Select(b => b.Name), cancellationToken))
                {
                    matches.AddRange(blob.Where(r =>
                        string.Equals(kind.Camera(r), camera, StringComparison.Ordinal)
                        && seen.Add(kind.FirstSequence(r))
                        && kind.Matches(r, query)));
                }

                if (matches.Count >= limit)
                {
                    return matches;
                }
            }
        }

        return matches;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
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
}
