using System.Text;
using System.Text.Json;
using ActionNet.Abstractions.History;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ActionNet.Storage;

/// <summary>
/// The one writer of a camera's history. Opening it raises the camera's writer epoch (a conditional
/// update of the state row) and takes the lease of the current hour blob, so an older writer's next
/// write fails with <see cref="WriterFencedException"/>. A write appends the events to the hour's append
/// blob at the known append position (one call per hour touched), upserts the touched segments into the
/// cross-camera label index (one transaction per day and label touched), then stores the touched segments (the
/// open ones included), daily totals, gaps and the new state in one entity-group transaction conditioned
/// on the state row's ETag. A retried append whose first try landed is recognised by comparing content;
/// different content is a <see cref="HistoryConflictException"/>. Events a crashed writer appended but
/// did not index are adopted when the next writer opens. Not thread-safe.
/// </summary>
public sealed class CameraHistoryWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly LabelStore store;
    private readonly string leaseId = Guid.NewGuid().ToString();
    private State state;

    private CameraHistoryWriter(LabelStore store, string camera, State state)
    {
        this.store = store;
        Camera = camera;
        this.state = state;
    }

    /// <summary>The camera.</summary>
    public string Camera { get; }

    /// <summary>This writer's epoch: higher than every writer before it.</summary>
    public long Epoch => state.Epoch;

    /// <summary>Highest event sequence stored; -1 when none.</summary>
    public long HighWater => state.HighWater;

    /// <summary>End of the newest stored event; null when none.</summary>
    public DateTimeOffset? LastEnd => state.LastEnd;

    internal static async Task<CameraHistoryWriter> OpenAsync(LabelStore store, string camera, string silo, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (entity, etag) = await store.ReadStateAsync(camera, cancellationToken);
            var current = State.From(entity, etag);
            var writer = new CameraHistoryWriter(store, camera, current with { Epoch = current.Epoch + 1, Silo = silo });
            var draft = writer.state with { Tracker = current.Tracker.Clone() };
            var pending = new Pending();
            try
            {
                if (draft.HourTicks != 0)
                {
                    // Take over the hour blob, and index what a crashed writer appended but did not index.
                    draft = await writer.TakeBlobAsync(draft, new DateTimeOffset(draft.HourTicks, TimeSpan.Zero), pending, breakForeignLease: true, cancellationToken);
                }

                writer.state = await writer.CommitAsync(draft, pending, etag.HasValue ? etag : null, cancellationToken);
                return writer;
            }
            catch (WriterFencedException)
            {
                // Another writer opened at the same moment: read its epoch and go above it.
            }
        }
    }

    /// <summary>A copy of the stored segments' state, for <see cref="LiveSegments"/> to follow on from.</summary>
    internal SegmentTracker TrackerSnapshot() => state.Tracker.Clone();

    /// <summary>
    /// Stores <paramref name="records"/> (in sequence order; those at or below <see cref="HighWater"/> are
    /// skipped, so a replay stores nothing twice). All or nothing from the caller's view: after a failure the
    /// same records can be written again.
    /// </summary>
    /// <exception cref="HistoryStorageUnavailableException">Storage could not be reached.</exception>
    /// <exception cref="WriterFencedException">A newer writer took over.</exception>
    /// <exception cref="HistoryConflictException">The blob holds different content where this writer appends.</exception>
    public Task WriteAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return store.GuardAsync(
            async () =>
            {
                var draft = state with { Tracker = state.Tracker.Clone() };
                var pending = new Pending();
                var i = 0;
                while (i < records.Count)
                {
                    var record = records[i];
                    if (record.Gap is { } gap)
                    {
                        i++;
                        if (gap.NextSequence > draft.HighWater)
                        {
                            pending.Gaps.Add(gap with { CameraId = Camera });
                            pending.Add(draft.Tracker.Gap(), null, null);
                        }

                        continue;
                    }

                    // Consecutive events of one hour go to that hour's blob in one append.
                    var hour = HistoryKeys.HourOf(record.Event!.End);
                    var run = new List<ActionEvent>();
                    for (; i < records.Count && records[i].Event is { } e && HistoryKeys.HourOf(e.End) == hour; i++)
                    {
                        run.Add(e);
                    }

                    if (hour.UtcTicks != draft.HourTicks)
                    {
                        draft = await TakeBlobAsync(draft, hour, pending, breakForeignLease: false, cancellationToken);
                    }

                    draft = await AppendAsync(draft, run, pending, cancellationToken);
                }

                state = await CommitAsync(draft, pending, state.ETag, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private async Task<State> AppendAsync(State draft, List<ActionEvent> run, Pending pending, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var position = draft.BlobLength;
        var high = draft.HighWater;
        var lastEnd = draft.LastEnd;
        foreach (var e in run.Where(e => e.Sequence > draft.HighWater && e.CameraId == Camera).OrderBy(e => e.Sequence))
        {
            if (e.Sequence <= high)
            {
                continue;
            }

            var line = JsonSerializer.SerializeToUtf8Bytes(e, Json);
            var offset = position + buffer.Length;
            buffer.Write(line);
            buffer.WriteByte((byte)'\n');
            pending.Add(draft.Tracker.Add(e, offset, line.Length + 1), draft.Tracker, e.Label);
            high = e.Sequence;
            lastEnd = e.End;
        }

        if (buffer.Length == 0)
        {
            return draft;
        }

        var name = HistoryKeys.EventBlob(Camera, new DateTimeOffset(draft.HourTicks, TimeSpan.Zero));
        var blob = store.Container.GetAppendBlobClient(name);
        var content = buffer.ToArray();
        try
        {
            using var upload = new MemoryStream(content, writable: false);
            await blob.AppendBlockAsync(upload, new AppendBlobAppendBlockOptions
            {
                Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = position, LeaseId = leaseId },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.AppendPositionConditionNotMet)
        {
            // A retry whose first try landed: the same bytes are there. Anything else is a real conflict.
            var there = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(position, content.Length) }, cancellationToken);
            if (!there.Value.Content.ToMemory().Span.SequenceEqual(content))
            {
                throw new HistoryConflictException(name, position, $"{content.Length} bytes of sequences {run[0].Sequence}..{high} differ from what is stored");
            }
        }
        catch (RequestFailedException e) when (IsLeaseLost(e))
        {
            throw new WriterFencedException(Camera, $"the lease of {name} is held by another writer");
        }

        return draft with { BlobLength = position + content.Length, HighWater = high, LastEnd = lastEnd };
    }

    // Makes `hour`'s blob this writer's: creates it or takes its lease, and adopts events stored beyond
    // the position the state row knows (appended by a writer that crashed before indexing them).
    private async Task<State> TakeBlobAsync(State draft, DateTimeOffset hour, Pending pending, bool breakForeignLease, CancellationToken cancellationToken)
    {
        var name = HistoryKeys.EventBlob(Camera, hour);
        var blob = store.Container.GetAppendBlobClient(name);
        var known = hour.UtcTicks == draft.HourTicks ? draft.BlobLength : 0;
        var created = await store.CreateAppendBlobAsync(blob, cancellationToken);
        var lease = blob.GetBlobLeaseClient(leaseId);
        try
        {
            await lease.AcquireAsync(TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseAlreadyPresent)
        {
            // Only the newest writer may break a lease: an older one learns here that it was replaced.
            if (!breakForeignLease && await store.ReadEpochAsync(Camera, cancellationToken) != draft.Epoch)
            {
                throw new WriterFencedException(Camera, $"writer epoch {draft.Epoch} is no longer current");
            }

            await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken);
            try
            {
                await lease.AcquireAsync(TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
            }
            catch (RequestFailedException again) when (again.ErrorCode == BlobErrorCode.LeaseAlreadyPresent)
            {
                // Another writer took the lease between the break and this acquire: it opened at the same time.
                // Opening reads the epochs again and goes above it; an open writer has been replaced.
                throw new WriterFencedException(Camera, $"another writer took the lease of {name} while writer epoch {draft.Epoch} was opening: {again.ErrorCode}");
            }
        }

        var length = created ? 0 : (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        draft = draft with { HourTicks = hour.UtcTicks, BlobLength = known };
        if (length > known)
        {
            var extra = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(known, length - known) }, cancellationToken);
            var bytes = extra.Value.Content.ToMemory();
            var offset = known;
            var high = draft.HighWater;
            var lastEnd = draft.LastEnd;
            foreach (var line in JsonLines.Lines(bytes))
            {
                var e = line.Length == 0 ? null : JsonSerializer.Deserialize<ActionEvent>(line.Span, Json);
                if (e is not null && e.Sequence > high)
                {
                    pending.Add(draft.Tracker.Add(e, offset, line.Length + 1), draft.Tracker, e.Label);
                    high = e.Sequence;
                    lastEnd = e.End;
                }

                offset += line.Length + 1;
            }

            draft = draft with { BlobLength = length, HighWater = high, LastEnd = lastEnd };
        }

        return draft;
    }

    private async Task<State> CommitAsync(State draft, Pending pending, ETag? etag, CancellationToken cancellationToken)
    {
        var segments = new Dictionary<string, LabelSegmentRow>(pending.Segments, StringComparer.Ordinal);
        foreach (var open in draft.Tracker.OpenRows())
        {
            segments[open.RowKey] = open;
        }

        // The label index first: its rows are upserts keyed by the segment, so one a failed commit leaves behind is
        // rewritten by the retry (or the next writer's replay) with the same key, and no committed segment is ever
        // missing from it.
        await store.SubmitLabelIndexAsync(Camera, segments.Values, cancellationToken);
        var actions = new List<TableTransactionAction>();
        foreach (var segment in segments.Values)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, HistoryRows.ToEntity(Camera, segment)));
        }

        foreach (var ((day, label), total) in pending.Totals)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, HistoryRows.ToEntity(Camera, day, label, total)));
        }

        foreach (var gap in pending.Gaps)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, HistoryRows.ToEntity(gap)));
        }

        var stateRow = draft.ToEntity(Camera);
        actions.Add(etag is { } match
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, match)
            : new TableTransactionAction(TableTransactionActionType.Add, stateRow));
        var newTag = await store.SubmitAsync(Camera, actions, cancellationToken);
        return draft with { ETag = newTag };
    }

    private static bool IsLeaseLost(RequestFailedException e) =>
        e.ErrorCode == BlobErrorCode.LeaseIdMismatchWithBlobOperation
        || e.ErrorCode == BlobErrorCode.LeaseLost
        || e.ErrorCode == BlobErrorCode.LeaseNotPresentWithBlobOperation
        || e.ErrorCode == BlobErrorCode.LeaseIdMismatchWithLeaseOperation;

    private sealed class Pending
    {
        public Dictionary<string, LabelSegmentRow> Segments { get; } = new(StringComparer.Ordinal);

        public List<HistoryGap> Gaps { get; } = [];

        public Dictionary<(DateOnly Day, string Label), SegmentTracker.DayTotal> Totals { get; } = [];

        // Totals are copied per event, so a batch that crosses midnight stores both days' final values.
        public void Add(IReadOnlyList<LabelSegmentRow> closed, SegmentTracker? tracker, string? label)
        {
            foreach (var row in closed)
            {
                Segments[row.RowKey] = row;
            }

            if (tracker is not null && label is not null)
            {
                var day = DateOnly.ParseExact(tracker.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var total = tracker.Totals[label];
                Totals[(day, label)] = new SegmentTracker.DayTotal { Seconds = total.Seconds, Windows = total.Windows, Segments = total.Segments };
            }
        }
    }

    private sealed record State(long Epoch, long HighWater, DateTimeOffset? LastEnd, long HourTicks, long BlobLength, SegmentTracker Tracker, string Silo, ETag? ETag)
    {
        public static State From(TableEntity? e, ETag? etag) => e is null
            ? new State(0, -1, null, 0, 0, new SegmentTracker(), "", null)
            : new State(
                e.GetInt64("Epoch") ?? 0,
                e.GetInt64("HighWater") ?? -1,
                e.GetDateTimeOffset("LastEnd"),
                e.GetInt64("Hour") ?? 0,
                e.GetInt64("BlobLength") ?? 0,
                SegmentTracker.Parse(e.GetString("Tracker")),
                e.GetString("Silo") ?? "",
                etag);

        public TableEntity ToEntity(string camera)
        {
            var entity = new TableEntity(camera, HistoryKeys.StateRow)
            {
                ["Epoch"] = Epoch,
                ["HighWater"] = HighWater,
                ["Hour"] = HourTicks,
                ["BlobLength"] = BlobLength,
                ["Tracker"] = Tracker.ToJson(),
                ["Silo"] = Silo,
            };
            if (LastEnd is { } end)
            {
                entity["LastEnd"] = end;
            }

            return entity;
        }
    }
}
