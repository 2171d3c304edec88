using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Grains.Cluster;
using ActionNet.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Streams;

namespace ActionNet.Grains.History;

/// <summary>
/// One camera's aggregator (key: camera id): labels each scored window with the mean of the last K windows of
/// its track (<see cref="LabelAggregator"/>; the whole frame is one track), numbers and gaps them
/// (<see cref="WindowSequencer"/>), and appends the records to the camera's journal on local disk before
/// acknowledging, so nothing acknowledged lives only in memory. Every flush interval the journal's records go
/// to the camera's <see cref="CameraHistoryWriter"/> (events, segments, totals) and are then dropped from the
/// journal; a restarted activation on the same disk replays what is left, exactly once (the store skips
/// sequences it holds). While storage is away the journal grows; when it is full, windows are refused (the
/// camera counts them as dropped) and recorded as lost windows with the reason. Every journaled label, segment
/// start and end, and gap is published at once on the live-event stream (<see cref="LivePublisher"/>). Placed
/// next to its camera.
/// </summary>
[PreferLocalPlacement]
public sealed partial class AggregatorGrain(
    LabelStore store,
    HistoryJournalDirectory journals,
    IOptions<AggregationOptions> options,
    SiloIdentity silo,
    ILogger<AggregatorGrain> logger) : Grain, IAggregatorGrain
{
    private readonly AggregationOptions settings = options.Value;
    private readonly Queue<ActionEvent> recent = new();
    private LabelAggregator? aggregator;
    private WindowSequencer? sequencer;
    private LivePublisher? publisher;
    private HistoryJournal? journal;
    private CameraHistoryWriter? writer;
    private string[]? registeredLabels;
    private bool initialized;
    private Task? initializing;
    private bool flushing;
    private long storedSequence = -1;
    private string? lastError;
    private IAsyncStream<LiveEvent>? liveStream;

    private string CameraId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var camera = CameraIds.Validate(CameraId);
        aggregator = new LabelAggregator(camera, settings.WindowsAveraged);
        sequencer = new WindowSequencer(camera, silo.Name, TimeSpan.FromSeconds(settings.GapSeconds));
        publisher = new LivePublisher(camera, settings.MaxUnpublishedLiveEvents, SendAsync);
        publisher.Failing += reason => LogPublishFailed(CameraId, reason);
        publisher.Recovered += dropped => LogPublishBack(CameraId, dropped);
        var every = TimeSpan.FromMilliseconds(settings.FlushIntervalMs);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(Math.Min(1000, settings.FlushIntervalMs)), every) { Interleave = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // One try to store what is journaled; whatever is left stays in the journal for the next activation.
        if (journal is { Depth: > 0 } && !cancellationToken.IsCancellationRequested)
        {
            await FlushAsync(cancellationToken);
        }

        if (journal is { Depth: > 0 } left)
        {
            LogLeftInJournal(CameraId, left.Depth, left.FilePath);
        }

        journal?.Dispose();
        journal = null;
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
        var header = window.Window;
        if (sequencer!.IsRecorded(header))
        {
            return;
        }

        if (journal!.Depth >= settings.MaxBufferedEvents)
        {
            Refuse(header, $"the journal holds {journal.Depth} events, the limit ({AggregationOptions.SectionName}:{nameof(AggregationOptions.MaxBufferedEvents)})");
        }

        var records = new List<HistoryRecord>(2);
        if (sequencer.GapBefore(header) is { } gap)
        {
            records.Add(new HistoryRecord { Gap = gap });
            if (gap.LostWindows == 0)
            {
                LogGap(CameraId, gap.Duration.TotalSeconds, gap.PreviousSequence, gap.NextSequence);
            }
        }

        var action = aggregator!.Add(window) with { StoredAt = DateTimeOffset.UtcNow };
        records.Add(new HistoryRecord { Event = action });
        foreach (var record in records)
        {
            if (!journal.TryAppend(record))
            {
                Refuse(header, $"the journal folder {journals.Path} is at its size limit ({HistoryStorageOptions.SectionName}:{nameof(HistoryStorageOptions.JournalMaxMegabytes)} = {journals.MaxBytes / (1024 * 1024)})");
            }
        }

        sequencer.Record(header);
        recent.Enqueue(action);
        while (recent.Count > settings.RecentEvents)
        {
            recent.Dequeue();
        }

        publisher!.Publish(records, DateTimeOffset.UtcNow);
    }

    /// <inheritdoc/>
    public Task<ActionEvent[]> GetRecentAsync(int count) =>
        Task.FromResult(count <= 0 ? [] : recent.Skip(Math.Max(0, recent.Count - count)).ToArray());

    /// <inheritdoc/>
    public Task<CameraLabels> GetLabelsAsync() => Task.FromResult(CameraLabels.From(recent));

    /// <inheritdoc/>
    public async Task<long> GetNextSequenceAsync()
    {
        await EnsureInitializedAsync();
        return sequencer!.Recorded + 1;
    }

    /// <inheritdoc/>
    public Task<AggregatorStatus> GetStatusAsync() => Task.FromResult(new AggregatorStatus
    {
        CameraId = CameraId,
        StoredSequence = storedSequence,
        RecordedSequence = sequencer?.Recorded ?? -1,
        BufferedEvents = journal?.Depth ?? 0,
        BufferLimit = settings.MaxBufferedEvents,
        LastError = lastError,
        Silo = silo.Name,
        JournalBytes = journal?.PendingBytes ?? 0,
        JournalOldest = journal?.Oldest,
        RefusedWindows = sequencer?.Refused ?? 0,
        JournalPath = journal?.FilePath ?? "",
    });

    private void Refuse(Abstractions.Inference.WindowHeader header, string reason)
    {
        if (sequencer!.Refuse(header, reason))
        {
            LogRefusing(CameraId, reason);
        }

        throw new InvalidOperationException($"label history for camera '{CameraId}' refused window {header.Sequence}: {reason}; recorded as lost");
    }

    // Single flight: the flush timer interleaves with RecordAsync and GetNextSequenceAsync, and two openings at
    // once would open two writers of this camera, each breaking the other's blob lease (one then fenced). A
    // failed opening is tried again by the next caller.
    private Task EnsureInitializedAsync()
    {
        if (initialized)
        {
            return Task.CompletedTask;
        }

        if (initializing is not { IsCompleted: false })
        {
            initializing = InitializeAsync();
        }

        return initializing;
    }

    private async Task InitializeAsync()
    {
        try
        {
            journal ??= journals.Open(CameraId);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"the journal of camera '{CameraId}' in {journals.Path} is held by another activation on this disk: {e.Message}", e);
        }

        try
        {
            writer ??= await store.OpenWriterAsync(CameraId, silo.Name);
            storedSequence = writer.HighWater;
        }
        catch (HistoryStorageUnavailableException e)
        {
            lastError = e.Message;

            // Without storage the journal alone must know where numbering stands.
            if (journal.HighestSequence is null)
            {
                throw;
            }

            LogStorageDown(CameraId, e.Message);
        }

        publisher!.Start(LiveSegments.Start(CameraId, writer, journal.ReadPending(int.MaxValue).Records));
        sequencer!.Resume(Math.Max(journal.HighestSequence ?? -1, writer?.HighWater ?? -1), journal.LastEnd ?? writer?.LastEnd);
        if (journal.Depth > 0)
        {
            LogReplaying(CameraId, journal.Depth, journal.FilePath);
        }

        initialized = true;
    }

    private Task SendAsync(LiveEvent item)
    {
        liveStream ??= this.GetStreamProvider(LiveEvents.ProviderName).GetStream<LiveEvent>(LiveEvents.StreamFor(CameraId));
        return liveStream.OnNextAsync(item);
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
            if (!initialized)
            {
                await EnsureInitializedAsync();
            }

            writer ??= await store.OpenWriterAsync(CameraId, silo.Name, cancellationToken);
            while (journal is { Depth: > 0 } && !cancellationToken.IsCancellationRequested)
            {
                var (records, end) = journal.ReadPending(settings.MaxEventsPerFlush);
                if (records.Count == 0)
                {
                    break;
                }

                if (records.Select(r => r.Event?.Labels).LastOrDefault(l => l is not null) is { } labels && (registeredLabels is null || !registeredLabels.SequenceEqual(labels)))
                {
                    await store.RegisterCameraAsync(CameraId, labels, cancellationToken);
                    registeredLabels = labels;
                }

                var behind = records.Count(r => r.Event is not null && r.Sequence <= writer.HighWater);
                await writer.WriteAsync(records, cancellationToken);
                journal.Acknowledge(end, records.Count);
                if (behind > 0)
                {
                    LogAlreadyStored(CameraId, behind, writer.HighWater);
                }

                storedSequence = writer.HighWater;
                if (lastError is not null)
                {
                    LogStorageBack(CameraId, journal.Depth);
                    lastError = null;
                }
            }

            lastError = null;
        }
        catch (HistoryStorageUnavailableException e)
        {
            if (lastError is null)
            {
                LogStorageDown(CameraId, e.Message);
            }

            lastError = e.Message;
        }
        catch (Exception e) when (e is WriterFencedException or HistoryConflictException)
        {
            // Another activation writes this camera now: this one stops; its journal stays for the next.
            LogReplaced(CameraId, e.Message);
            lastError = e.Message;
            writer = null;
            DeactivateOnIdle();
        }
        catch (InvalidOperationException e)
        {
            lastError = e.Message;
        }
        finally
        {
            flushing = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: label history unavailable, journaling events on disk: {Reason}")]
    private partial void LogStorageDown(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: label history reachable again; {Depth} events still in the journal")]
    private partial void LogStorageBack(string camera, int depth);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: replaying {Depth} journaled events from {Path}")]
    private partial void LogReplaying(string camera, int depth, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: {Count} events left in the journal {Path} for the next activation")]
    private partial void LogLeftInJournal(string camera, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "camera {Camera}: refusing windows, recorded as lost: {Reason}")]
    private partial void LogRefusing(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: {Count} journaled events were already stored (high-water {HighWater}); not written again")]
    private partial void LogAlreadyStored(string camera, int count, long highWater);

    [LoggerMessage(Level = LogLevel.Error, Message = "camera {Camera}: this activation no longer writes history: {Reason}")]
    private partial void LogReplaced(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: live events not published (labels are stored as usual): {Reason}")]
    private partial void LogPublishFailed(string camera, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "camera {Camera}: live events published again; {Dropped} dropped so far past the queue's bound")]
    private partial void LogPublishBack(string camera, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "camera {Camera}: no windows for {Seconds:0.#} s (after window {Previous}, resuming at {Next}); recorded as a gap")]
    private partial void LogGap(string camera, double seconds, long previous, long next);
}
