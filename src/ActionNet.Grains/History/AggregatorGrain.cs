using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Grains.Cluster;
using ActionNet.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace ActionNet.Grains.History;

/// <summary>
/// One camera's aggregator (key: camera id): labels each scored window with the mean of the last K
/// windows, buffers events and closed segments, and writes them to the <see cref="LabelHistory"/> every
/// flush interval. Windows at or below the stored high-water mark are ignored, and a batch is retried
/// unchanged until stored, so nothing is written twice; while storage is down up to
/// <see cref="AggregationOptions.MaxBufferedEvents"/> events wait in memory. Placed next to its camera.
/// </summary>
[PreferLocalPlacement]
public sealed partial class AggregatorGrain(
    LabelHistory history,
    IOptions<AggregationOptions> options,
    SiloIdentity silo,
    ILogger<AggregatorGrain> logger) : Grain, IAggregatorGrain
{
    private readonly AggregationOptions settings = options.Value;
    private readonly HistoryWriteBuffer buffer = new();
    private readonly Queue<ActionEvent> recent = new();
    private LabelAggregator? aggregator;
    private bool initialized;
    private bool flushing;
    private long storedSequence = -1;
    private long recordedSequence = -1;
    private DateTimeOffset? lastWindowEnd;
    private string? lastError;

    private string CameraId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        aggregator = new LabelAggregator(CameraIds.Validate(CameraId), settings.WindowsAveraged);
        var every = TimeSpan.FromMilliseconds(settings.FlushIntervalMs);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(every, every) { Interleave = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (aggregator?.CloseOpenSegment() is { } open)
        {
            buffer.Add(open);
        }

        // Best effort: a silo that is shutting down gets one try per pending batch.
        while (buffer.EventCount + buffer.SegmentCount > 0 && !cancellationToken.IsCancellationRequested && await TryFlushOnceAsync(cancellationToken))
        {
        }

        if (buffer.EventCount > 0)
        {
            LogLostOnDeactivation(CameraId, buffer.EventCount, lastError ?? reason.Description);
        }
    }

    /// <inheritdoc/>
    public async Task RecordAsync(ScoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!string.Equals(window.Window.CameraId, CameraId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"window of camera '{window.Window.CameraId}' sent to the aggregator of '{CameraId}'", nameof(window));
        }

        await EnsureInitializedAsync();
        if (window.Window.Sequence <= recordedSequence)
        {
            return;
        }

        if (buffer.EventCount >= settings.MaxBufferedEvents)
        {
            throw new InvalidOperationException(
                $"label history for camera '{CameraId}' is not being stored ({lastError ?? "writes are behind"}); {buffer.EventCount} events are buffered, the limit ({AggregationOptions.SectionName}:{nameof(AggregationOptions.MaxBufferedEvents)}) is reached");
        }

        // Windows overlap, so a window that starts well after the previous one ended marks an outage.
        if (lastWindowEnd is { } previousEnd && window.Window.FirstFrameAt - previousEnd > TimeSpan.FromSeconds(settings.GapSeconds))
        {
            buffer.Add(new HistoryGap
            {
                CameraId = CameraId,
                Start = previousEnd,
                End = window.Window.FirstFrameAt,
                PreviousSequence = recordedSequence,
                NextSequence = window.Window.Sequence,
                Silo = silo.Name,
            });
            LogGap(CameraId, (window.Window.FirstFrameAt - previousEnd).TotalSeconds, recordedSequence, window.Window.Sequence);
        }

        var (action, closed) = aggregator!.Add(window);
        recordedSequence = window.Window.Sequence;
        lastWindowEnd = window.Window.LastFrameAt;
        buffer.Add(action, closed);
        recent.Enqueue(action);
        while (recent.Count > settings.RecentEvents)
        {
            recent.Dequeue();
        }
    }

    /// <inheritdoc/>
    public Task<ActionEvent[]> GetRecentAsync(int count) =>
        Task.FromResult(count <= 0 ? [] : recent.Skip(Math.Max(0, recent.Count - count)).ToArray());

    /// <inheritdoc/>
    public async Task<long> GetNextSequenceAsync()
    {
        await EnsureInitializedAsync();
        return recordedSequence + 1;
    }

    /// <inheritdoc/>
    public Task<AggregatorStatus> GetStatusAsync() => Task.FromResult(new AggregatorStatus
    {
        CameraId = CameraId,
        StoredSequence = storedSequence,
        RecordedSequence = recordedSequence,
        BufferedEvents = buffer.EventCount,
        BufferedSegments = buffer.SegmentCount,
        BufferLimit = settings.MaxBufferedEvents,
        LastError = lastError,
        Silo = silo.Name,
    });

    private async Task EnsureInitializedAsync()
    {
        if (initialized)
        {
            return;
        }

        try
        {
            var last = await history.GetLastEventAsync(CameraId);
            storedSequence = last?.Sequence ?? -1;
            lastWindowEnd = last?.End;
        }
        catch (HistoryStorageUnavailableException e)
        {
            lastError = e.Message;
            throw;
        }

        recordedSequence = Math.Max(recordedSequence, storedSequence);
        initialized = true;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (flushing)
        {
            return;
        }

        flushing = true;
        try
        {
            while (await TryFlushOnceAsync(cancellationToken) && buffer.EventCount + buffer.SegmentCount > 0)
            {
            }
        }
        finally
        {
            flushing = false;
        }
    }

    // Writes one batch; false when there was nothing to write or storage failed.
    private async Task<bool> TryFlushOnceAsync(CancellationToken cancellationToken)
    {
        if (buffer.NextBatch(settings.MaxEventsPerFlush) is not { } batch)
        {
            return false;
        }

        try
        {
            await history.AppendEventsAsync(batch.Events, cancellationToken);
            await history.AppendSegmentsAsync(batch.Segments, cancellationToken);
            await history.AppendGapsAsync(batch.Gaps, cancellationToken);
        }
        catch (HistoryStorageUnavailableException e)
        {
            if (lastError is null)
            {
                LogStorageDown(CameraId, e.Message);
            }

            lastError = e.Message;

            // Buffered records live only in this activation: keep it while storage is away.
            this.DelayDeactivation(TimeSpan.FromMinutes(5));
            return false;
        }

        buffer.Acknowledge();
        if (batch.Events.Length > 0)
        {
            storedSequence = Math.Max(storedSequence, batch.Events.Max(e => e.Sequence));
        }

        if (lastError is not null)
        {
            LogStorageBack(CameraId, buffer.EventCount);
            lastError = null;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: label history unavailable, buffering events: {Reason}")]
    private partial void LogStorageDown(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: label history reachable again; {Buffered} events still buffered")]
    private partial void LogStorageBack(string camera, int buffered);

    [LoggerMessage(Level = LogLevel.Error, Message = "camera {Camera}: {Count} buffered events could not be stored before deactivation: {Reason}")]
    private partial void LogLostOnDeactivation(string camera, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: no windows for {Seconds:0.#} s (after window {Previous}, resuming at {Next}); recorded as a gap")]
    private partial void LogGap(string camera, double seconds, long previous, long next);
}
