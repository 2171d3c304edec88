using System.Runtime.CompilerServices;
using System.Text.Json;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage;

/// <summary>
/// The queries of <see cref="LabelStore"/>: row-key range reads of the index per camera, merged into pages,
/// and ranged reads of exactly the event bytes the matching segments point at.
/// </summary>
internal sealed class HistoryReader(LabelStore store)
{
    private const int PageRows = 1000;
    private const int LabelIndexFromCameras = 8;
    private const int ReadChunkBytes = 256 * 1024;
    private const int FirstChunkBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The grain answers in the CLI's words: the API checks every query first, in its own.
    private static readonly HistoryInputNames Names = HistoryInputNames.Cli;

    public async Task<IReadOnlyList<(string Camera, string[] Labels)>> CamerasAsync(CancellationToken cancellationToken)
    {
        var found = new List<(string, string[])>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HistoryKeys.CatalogPartition}");
        await foreach (var row in RowsAsync(filter, cancellationToken))
        {
            var labels = JsonSerializer.Deserialize<string[]>(row.GetString("Labels") ?? "[]") ?? [];
            found.Add((row.GetString("Camera") ?? row.RowKey[2..], labels));
        }

        return [.. found.OrderBy(c => c.Item1, StringComparer.Ordinal)];
    }

    public async Task<HistoryPage<ActionEvent>> EventsAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var cursor = HistoryQueryRules.Validate(query, "events", Names);
        var (cameras, from, to) = await ResolveAsync(query, cancellationToken);
        if (UsesLabelIndex(query))
        {
            var indexed = LabelIndexEventsAsync(query.Label!, Only(query, cameras), from, to, query.Track, query.MinConfidence, cursor, RowsFor(query), cancellationToken);
            return await PageMerge.TakeAsync([indexed], e => (e.End.UtcTicks, e.CameraId, e.Sequence), query, "events", 1, cancellationToken);
        }

        var streams = cameras.Select(c => CameraEventsAsync(c, from, to, query.Label, query.Track, query.MinConfidence, cursor, RowsFor(query), cancellationToken)).ToArray();
        return await PageMerge.TakeAsync(streams, e => (e.End.UtcTicks, e.CameraId, e.Sequence), query, "events", store.Options.QueryConcurrency, cancellationToken);
    }

    public async Task<HistoryPage<LabelSegment>> SegmentsAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var cursor = HistoryQueryRules.Validate(query, "segments", Names);
        var (cameras, from, to) = await ResolveAsync(query, cancellationToken);
        if (UsesLabelIndex(query))
        {
            var indexed = LabelIndexSegmentsAsync(query.Label!, Only(query, cameras), from, to, query.Track, query.MinConfidence, cursor, peak: false, RowsFor(query), cancellationToken);
            var found = await PageMerge.TakeAsync([indexed], r => (r.FirstEnd.UtcTicks, r.Segment.CameraId, r.Segment.FirstSequence), query, "segments", 1, cancellationToken);
            return new HistoryPage<LabelSegment> { Items = [.. found.Items.Select(r => r.Segment)], Next = found.Next };
        }

        var streams = cameras.Select(c => CameraSegmentsAsync(c, from, to, query.Label, query.Track, query.MinConfidence, cursor, cancellationToken, RowsFor(query))).ToArray();
        var page = await PageMerge.TakeAsync(streams, r => (r.FirstEnd.UtcTicks, r.Segment.CameraId, r.Segment.FirstSequence), query, "segments", store.Options.QueryConcurrency, cancellationToken);
        return new HistoryPage<LabelSegment> { Items = [.. page.Items.Select(r => r.Segment)], Next = page.Next };
    }

    public async Task<HistoryPage<HistoryGap>> GapsAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        // Gaps have no label: a label given with them neither filters them nor binds their tokens.
        var gaps = query with { Label = null };
        var cursor = HistoryQueryRules.Validate(gaps, "gaps", Names);
        var (cameras, from, to) = await ResolveAsync(gaps, cancellationToken);
        var streams = cameras.Select(c => CameraGapsAsync(c, from, to, cursor, RowsFor(query), cancellationToken)).ToArray();
        return await PageMerge.TakeAsync(streams, g => (g.End.UtcTicks, g.CameraId, g.NextSequence), gaps, "gaps", store.Options.QueryConcurrency, cancellationToken);
    }

    public async Task<HistoryPage<LabelTotal>> SummaryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var cursor = HistoryQueryRules.Validate(query, "summary", Names);
        var (cameras, from, to) = await ResolveAsync(query, cancellationToken);
        var items = new List<LabelTotal>();
        var remaining = cameras.Where(c => cursor is null || string.CompareOrdinal(c, cursor.Camera) >= 0).ToArray();
        for (var start = 0; start < remaining.Length && items.Count < query.Limit; start += store.Options.QueryConcurrency)
        {
            var batch = remaining.Skip(start).Take(store.Options.QueryConcurrency).ToArray();
            var totals = await Task.WhenAll(batch.Select(c => CameraTotalsAsync(c, from, to, query.Label, query.Track, query.MinConfidence, cancellationToken)));
            for (var i = 0; i < batch.Length; i++)
            {
                foreach (var total in totals[i])
                {
                    if (cursor is not null && batch[i] == cursor.Camera && string.CompareOrdinal(total.Label, cursor.Label) <= 0)
                    {
                        continue;
                    }

                    if (items.Count == query.Limit)
                    {
                        var last = items[^1];
                        return new HistoryPage<LabelTotal> { Items = [.. items], Next = HistoryCursor.After(query, "summary", 0, last.CameraId, 0, last.Label).Encode() };
                    }

                    items.Add(total);
                }
            }

            if (items.Count == query.Limit && start + batch.Length < remaining.Length)
            {
                var last = items[^1];
                return new HistoryPage<LabelTotal> { Items = [.. items], Next = HistoryCursor.After(query, "summary", 0, last.CameraId, 0, last.Label).Encode() };
            }
        }

        return new HistoryPage<LabelTotal> { Items = [.. items] };
    }

    // A label search over a time range and every camera, or more than a few, reads the cross-camera label index: one
    // partition per day, so it costs the days and the rows returned whatever the fleet's size. A few named cameras
    // read their own partitions, which is as cheap; a search without a start has no first day to read from.
    private static bool UsesLabelIndex(HistoryQuery query) =>
        query.Label is not null && query.From is not null && (query.Cameras.Length == 0 || query.Cameras.Length > LabelIndexFromCameras);

    // The cameras a label-index read keeps: the query's own, or all (null).
    private static HashSet<string>? Only(HistoryQuery query, string[] cameras) =>
        query.Cameras.Length == 0 ? null : new HashSet<string>(cameras, StringComparer.Ordinal);

    // The label index's segments of one label ending in [from, to), in page order (first event end, camera, first
    // sequence): one partition per UTC day, each a row-key range read filtered by the table service.
    private async IAsyncEnumerable<LabelSegmentRow> LabelIndexSegmentsAsync(
        string label, HashSet<string>? cameras, DateTimeOffset from, DateTimeOffset to, string? track, float minConfidence, HistoryCursor? cursor, bool peak, int pageRows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Every segment lies in one UTC hour, so one ending at or after `from` began in from's hour or later.
        var start = HistoryKeys.HourOf(from);
        var lower = HistoryKeys.LabelIndexBound(start);
        if (cursor is not null)
        {
            var after = peak
                ? HistoryKeys.LabelIndexBound(HistoryKeys.HourOf(new DateTimeOffset(cursor.Ticks, TimeSpan.Zero)))
                : HistoryKeys.LabelIndexRow(cursor.Ticks, cursor.Camera, cursor.Sequence) + "~";
            lower = string.CompareOrdinal(after, lower) > 0 ? after : lower;
        }

        var upper = HistoryKeys.LabelIndexBound(to);
        for (var day = HistoryKeys.DayOf(start); day <= HistoryKeys.DayOf(to); day = day.AddDays(1))
        {
            var partition = HistoryKeys.LabelIndex(day, label);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper} and End ge {from}");
            if (!peak)
            {
                filter += " and " + TableClient.CreateQueryFilter($"End lt {to}");
            }

            if (track is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"TrackId eq {track}");
            }

            if (minConfidence > 0)
            {
                var threshold = (double)minConfidence;
                filter += " and " + (peak ? TableClient.CreateQueryFilter($"PeakConfidence ge {threshold}") : TableClient.CreateQueryFilter($"MeanConfidence ge {threshold}"));
            }

            await foreach (var row in RowsAsync(filter, cancellationToken, pageRows))
            {
                var segment = HistoryRows.ToSegment(row);
                if (cameras is null || cameras.Contains(segment.Segment.CameraId))
                {
                    yield return segment;
                }
            }
        }
    }

    // Events of one label across cameras, in page order, reading only the segments a page reaches: segments come by
    // their first event's end, and every event of a later segment ends at or after that, so an event that ends
    // before the next segment's first end is final and can go out. Each segment's bytes are read once; events of
    // other tracks interleaved in them are left out.
    private async IAsyncEnumerable<ActionEvent> LabelIndexEventsAsync(
        string label, HashSet<string>? cameras, DateTimeOffset from, DateTimeOffset to, string? track, float minConfidence, HistoryCursor? cursor, int pageRows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = cursor is not null && cursor.Ticks > from.UtcTicks ? new DateTimeOffset(cursor.Ticks, TimeSpan.Zero) : from;
        if (start >= to)
        {
            yield break;
        }

        var waiting = new PriorityQueue<ActionEvent, (long Ticks, string Camera, long Sequence)>(Comparer<(long Ticks, string Camera, long Sequence)>.Create(
            (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : string.CompareOrdinal(a.Camera, b.Camera) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence)));
        await foreach (var row in LabelIndexSegmentsAsync(label, cameras, start, to, track, minConfidence, cursor, peak: true, pageRows, cancellationToken))
        {
            while (waiting.TryPeek(out var ready, out var key) && key.Ticks < row.FirstEnd.UtcTicks)
            {
                waiting.Dequeue();
                yield return ready;
            }

            var s = row.Segment;
            await foreach (var e in ReadRangeAsync(s.CameraId, (row.Hour.UtcTicks, row.Offset, row.Offset + row.Length), cancellationToken))
            {
                if (string.Equals(e.TrackId, s.TrackId, StringComparison.Ordinal) && e.Sequence >= s.FirstSequence && e.Sequence <= s.LastSequence
                    && e.End >= start && e.End < to && string.Equals(e.Label, label, StringComparison.Ordinal) && e.Confidence >= minConfidence
                    && PageMerge.After(cursor, e.End.UtcTicks, s.CameraId, e.Sequence))
                {
                    waiting.Enqueue(e, (e.End.UtcTicks, s.CameraId, e.Sequence));
                }
            }
        }

        while (waiting.TryDequeue(out var rest, out _))
        {
            yield return rest;
        }
    }

    private async Task<(string[] Cameras, DateTimeOffset From, DateTimeOffset To)> ResolveAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var from = query.From ?? HistoryQueryRules.Earliest;
        var to = query.To ?? DateTimeOffset.UtcNow.AddDays(1);
        if (to <= from)
        {
            throw new ArgumentException($"the time range is empty: {Names.From} {HistoryQueryRules.Format(from)} is not before the end of the history (now + 1 day)", nameof(query));
        }

        if (query.Cameras.Length > 0 && query.Label is null)
        {
            return ([.. query.Cameras.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], from, to);
        }

        var catalog = await CamerasAsync(cancellationToken);
        var cameras = query.Cameras.Length > 0 ? [.. query.Cameras.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : catalog.Select(c => c.Camera).ToArray();
        if (query.Label is { } label)
        {
            var known = catalog.Where(c => cameras.Contains(c.Camera)).SelectMany(c => c.Labels).Distinct(StringComparer.Ordinal).ToArray();
            if (known.Length == 0)
            {
                known = [.. catalog.SelectMany(c => c.Labels).Distinct(StringComparer.Ordinal)];
            }

            if (ModelLabels.UnknownProblem(Names.Label, label, known) is { } problem)
            {
                throw new ArgumentException(problem, nameof(query));
            }
        }

        return (cameras, from, to);
    }

    private async IAsyncEnumerable<ActionEvent> CameraEventsAsync(
        string camera, DateTimeOffset from, DateTimeOffset to, string? label, string? track, float minConfidence, HistoryCursor? cursor, int pageRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = cursor is not null && cursor.Ticks > from.UtcTicks ? new DateTimeOffset(cursor.Ticks, TimeSpan.Zero) : from;
        if (start >= to)
        {
            yield break;
        }

        var filter = SegmentFilter(camera, HistoryKeys.SegmentBound(HistoryKeys.HourOf(start)), HistoryKeys.SegmentBound(to), start, label, track, minConfidence, peak: true);
        (long Hour, long Start, long End)? range = null;
        await foreach (var row in RowsAsync(filter, cancellationToken, pageRows))
        {
            // Segments come by their first event, so their byte ranges start in order. The runs of several tracks
            // interleave in the blob and their ranges overlap: an overlapping range joins the one being gathered
            // (each byte is read once and events come in blob order); a merely adjacent one joins while small.
            var segment = HistoryRows.ToSegment(row);
            var end = segment.Offset + segment.Length;
            if (range is { } r && r.Hour == segment.Hour.UtcTicks && (segment.Offset < r.End || (segment.Offset == r.End && r.End - r.Start < ReadChunkBytes)))
            {
                range = (r.Hour, r.Start, Math.Max(r.End, end));
                continue;
            }

            if (range is { } done)
            {
                await foreach (var e in ReadRangeAsync(camera, done, cancellationToken))
                {
                    if (Matches(e))
                    {
                        yield return e;
                    }
                }
            }

            range = (segment.Hour.UtcTicks, segment.Offset, end);
        }

        if (range is { } last)
        {
            await foreach (var e in ReadRangeAsync(camera, last, cancellationToken))
            {
                if (Matches(e))
                {
                    yield return e;
                }
            }
        }

        bool Matches(ActionEvent e) =>
            e.End >= from && e.End < to
            && (label is null || string.Equals(e.Label, label, StringComparison.Ordinal))
            && (track is null || string.Equals(e.TrackId, track, StringComparison.Ordinal))
            && e.Confidence >= minConfidence
            && PageMerge.After(cursor, e.End.UtcTicks, camera, e.Sequence);
    }

    // Reads [start, end) of one hour blob in chunks, yielding whole lines.
    private async IAsyncEnumerable<ActionEvent> ReadRangeAsync(string camera, (long Hour, long Start, long End) range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var blob = store.Container.GetBlobClient(HistoryKeys.EventBlob(camera, new DateTimeOffset(range.Hour, TimeSpan.Zero)));
        var position = range.Start;

        // A page usually needs a few events of each camera: read a small first chunk and grow it, rather than
        // downloading and parsing a whole chunk of events that the page merge would throw away.
        var chunk = FirstChunkBytes;
        while (position < range.End)
        {
            var length = Math.Min(chunk, range.End - position);
            var content = (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(position, length) }, cancellationToken)).Value.Content.ToMemory();
            var consumed = 0L;
            foreach (var line in JsonLines.Lines(content))
            {
                consumed += line.Length + 1;
                if (line.Length > 0 && JsonSerializer.Deserialize<ActionEvent>(line.Span, Json) is { } e)
                {
                    yield return e;
                }
            }

            if (consumed == 0 && chunk >= ReadChunkBytes)
            {
                throw new InvalidDataException($"history blob {blob.Name} has a line longer than {ReadChunkBytes} bytes at {position}");
            }

            position += consumed;
            chunk = (int)Math.Min(ReadChunkBytes, chunk * 4L);
        }
    }

    private async IAsyncEnumerable<LabelSegmentRow> CameraSegmentsAsync(
        string camera, DateTimeOffset from, DateTimeOffset to, string? label, string? track, float minConfidence, HistoryCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken, int pageRows = PageRows)
    {
        var lower = HistoryKeys.SegmentBound(HistoryKeys.HourOf(from));
        if (cursor is not null)
        {
            var after = string.CompareOrdinal(camera, cursor.Camera) switch
            {
                < 0 => HistoryKeys.SegmentBound(new DateTimeOffset(cursor.Ticks + 1, TimeSpan.Zero)),
                0 => HistoryKeys.Segment(cursor.Ticks, cursor.Sequence) + "~",
                _ => HistoryKeys.SegmentBound(new DateTimeOffset(cursor.Ticks, TimeSpan.Zero)),
            };
            lower = string.CompareOrdinal(after, lower) > 0 ? after : lower;
        }

        var filter = SegmentFilter(camera, lower, HistoryKeys.SegmentBound(to), from, label, track, minConfidence, peak: false)
            + " and " + TableClient.CreateQueryFilter($"End lt {to}");
        await foreach (var row in RowsAsync(filter, cancellationToken, pageRows))
        {
            yield return HistoryRows.ToSegment(row);
        }
    }

    private async IAsyncEnumerable<HistoryGap> CameraGapsAsync(string camera, DateTimeOffset from, DateTimeOffset to, HistoryCursor? cursor, int pageRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lower = HistoryKeys.GapBound(from);
        if (cursor is not null)
        {
            var after = string.CompareOrdinal(camera, cursor.Camera) switch
            {
                < 0 => HistoryKeys.GapBound(new DateTimeOffset(cursor.Ticks + 1, TimeSpan.Zero)),
                0 => HistoryKeys.Gap(cursor.Ticks, cursor.Sequence) + "~",
                _ => HistoryKeys.GapBound(new DateTimeOffset(cursor.Ticks, TimeSpan.Zero)),
            };
            lower = string.CompareOrdinal(after, lower) > 0 ? after : lower;
        }

        var upper = HistoryKeys.GapBound(to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {camera} and RowKey ge {lower} and RowKey lt {upper}");
        await foreach (var row in RowsAsync(filter, cancellationToken, pageRows))
        {
            yield return HistoryRows.ToGap(row);
        }
    }

    // Whole days from the daily totals, the partial days at either end from their segments.
    private async Task<List<LabelTotal>> CameraTotalsAsync(string camera, DateTimeOffset from, DateTimeOffset to, string? label, string? track, float minConfidence, CancellationToken cancellationToken)
    {
        var sums = new SortedDictionary<string, (double Seconds, int Windows, int Segments)>(StringComparer.Ordinal);
        var firstDay = HistoryKeys.DayOf(from);
        if (from.UtcDateTime.TimeOfDay != TimeSpan.Zero)
        {
            firstDay = firstDay.AddDays(1);
        }

        var endDay = HistoryKeys.DayOf(to);
        var midnightFirst = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var midnightEnd = new DateTimeOffset(endDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var spans = new List<(DateTimeOffset From, DateTimeOffset To)>();
        // Daily totals are per camera and label, summed over tracks: one track's total comes from its segments.
        if (minConfidence <= 0 && track is null && firstDay < endDay)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {camera} and RowKey ge {HistoryKeys.DayBound(firstDay)} and RowKey lt {HistoryKeys.DayBound(endDay)}");
            if (label is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Label eq {label}");
            }

            await foreach (var row in RowsAsync(filter, cancellationToken))
            {
                var total = HistoryRows.ToTotal(row);
                var (seconds, windows, segments) = sums.GetValueOrDefault(total.Label);
                sums[total.Label] = (seconds + total.Seconds, windows + total.Events, segments + total.Segments);
            }

            spans.Add((from, midnightFirst));
            spans.Add((midnightEnd, to));
        }
        else
        {
            spans.Add((from, to));
        }

        foreach (var (spanFrom, spanTo) in spans.Where(s => s.To > s.From))
        {
            await foreach (var row in CameraSegmentsAsync(camera, spanFrom, spanTo, label, track, minConfidence, null, cancellationToken))
            {
                var s = row.Segment;
                var (seconds, windows, segments) = sums.GetValueOrDefault(s.Label);
                sums[s.Label] = (seconds + s.Seconds, windows + s.Windows, segments + 1);
            }
        }

        return [.. sums.Select(s => new LabelTotal { CameraId = camera, Label = s.Key, Seconds = s.Value.Seconds, Events = s.Value.Windows, Segments = s.Value.Segments })];
    }

    private static string SegmentFilter(string camera, string lower, string upper, DateTimeOffset endFrom, string? label, string? track, float minConfidence, bool peak)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {camera} and RowKey ge {lower} and RowKey lt {upper} and End ge {endFrom}");
        if (label is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Label eq {label}");
        }

        if (track is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"TrackId eq {track}");
        }

        if (minConfidence > 0)
        {
            var threshold = (double)minConfidence;
            filter += peak
                ? " and " + TableClient.CreateQueryFilter($"PeakConfidence ge {threshold}")
                : " and " + TableClient.CreateQueryFilter($"MeanConfidence ge {threshold}");
        }

        return filter;
    }

    // A page of N records needs at most N (+1, to know there is more) index rows of each camera, so a small page
    // asks the table for small pages rather than a thousand rows per camera it would mostly not use.
    private static int RowsFor(HistoryQuery query) => Math.Clamp(query.Limit + 1, 1, PageRows);

    private async IAsyncEnumerable<TableEntity> RowsAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken, int pageRows = PageRows)
    {
        var pages = store.Table.QueryAsync<TableEntity>(filter, pageRows, cancellationToken: cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            foreach (var row in enumerator.Current.Values)
            {
                yield return row;
            }
        }
    }
}
