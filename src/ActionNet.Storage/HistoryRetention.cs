using System.Globalization;
using ActionNet.Abstractions.Cameras;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace ActionNet.Storage;

/// <summary>
/// Removes a camera's history before a cutoff, in whole UTC hours: segments (and their rows in the cross-camera
/// label index), gaps and event blobs of earlier hours, daily totals of earlier days, and the cutoff day's totals recomputed from the segments
/// it keeps; nothing at or after the cutoff is touched. Cost grows with the days removed.
/// </summary>
public sealed class HistoryRetention(LabelStore store)
{
    /// <summary>Removes the history of <paramref name="cameraId"/> before the UTC hour holding <paramref name="before"/>.</summary>
    public Task<HistorySweep> SweepAsync(string cameraId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        var cutoff = HistoryKeys.HourOf(before);
        var cutoffDay = HistoryKeys.DayOf(cutoff);
        return store.GuardAsync(
            async () =>
            {
                var doomed = new List<TableEntity>();
                var days = new SortedSet<DateOnly>();
                await foreach (var row in RowsAsync($"PartitionKey eq {camera} and RowKey ge {HistoryKeys.DayPrefix} and RowKey lt {HistoryKeys.DayBound(cutoffDay.AddDays(1))}", cancellationToken))
                {
                    var day = DateOnly.ParseExact(row.RowKey.Substring(2, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
                    days.Add(day);
                    doomed.Add(row);
                }

                await foreach (var row in RowsAsync($"PartitionKey eq {camera} and RowKey ge {HistoryKeys.SegmentPrefix} and RowKey lt {HistoryKeys.SegmentBound(cutoff)}", cancellationToken))
                {
                    doomed.Add(row);
                }

                await foreach (var row in RowsAsync($"PartitionKey eq {camera} and RowKey ge {HistoryKeys.GapPrefix} and RowKey lt {HistoryKeys.GapBound(cutoff)}", cancellationToken))
                {
                    doomed.Add(row);
                }

                // The cutoff day keeps its later hours: its totals are rebuilt from the segments that stay.
                var kept = new Dictionary<string, SegmentTracker.DayTotal>(StringComparer.Ordinal);
                var dayEnd = new DateTimeOffset(cutoffDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (days.Contains(cutoffDay) && cutoff.UtcDateTime.TimeOfDay != TimeSpan.Zero)
                {
                    await foreach (var row in RowsAsync($"PartitionKey eq {camera} and RowKey ge {HistoryKeys.SegmentBound(cutoff)} and RowKey lt {HistoryKeys.SegmentBound(dayEnd)}", cancellationToken))
                    {
                        var s = HistoryRows.ToSegment(row).Segment;
                        var total = kept.TryGetValue(s.Label, out var t) ? t : kept[s.Label] = new SegmentTracker.DayTotal();
                        total.Seconds += s.Seconds;
                        total.Windows += s.Windows;
                        total.Segments++;
                    }
                }
                else
                {
                    doomed.RemoveAll(r => r.RowKey.StartsWith(HistoryKeys.DayBound(cutoffDay), StringComparison.Ordinal));
                }

                var actions = doomed
                    .Where(r => !(r.RowKey.StartsWith(HistoryKeys.DayBound(cutoffDay), StringComparison.Ordinal) && kept.ContainsKey(r.GetString("Label") ?? "")))
                    .Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All))
                    .Concat(kept.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, HistoryRows.ToEntity(camera, cutoffDay, k.Key, k.Value))))
                    .ToList();
                foreach (var chunk in actions.Chunk(100))
                {
                    await store.Table.SubmitTransactionAsync(chunk, cancellationToken);
                }

                // The removed segments leave the cross-camera label index too, one transaction per (day, label).
                var unindexed = doomed
                    .Where(r => r.RowKey.StartsWith(HistoryKeys.SegmentPrefix, StringComparison.Ordinal))
                    .Select(r => HistoryRows.ToLabelIndexEntity(camera, HistoryRows.ToSegment(r)))
                    .GroupBy(e => e.PartitionKey, StringComparer.Ordinal);
                foreach (var partition in unindexed)
                {
                    foreach (var chunk in partition.Chunk(100))
                    {
                        try
                        {
                            await store.Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All)), cancellationToken);
                        }
                        catch (TableTransactionFailedException e) when (e.Status == 404)
                        {
                            // A segment stored before the index existed has no row there: delete the rest one by one.
                            foreach (var row in chunk)
                            {
                                await store.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);
                            }
                        }
                    }
                }

                var blobs = 0;
                foreach (var day in days.Where(d => d <= cutoffDay))
                {
                    await foreach (var item in store.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = HistoryKeys.EventDayPrefix(camera, day) }, cancellationToken))
                    {
                        // .../{dd}/{HH}.jsonl (this layout) or .../{dd}/{HH}/{first}-{last}.jsonl (the earlier one).
                        var hourText = item.Name.AsSpan(HistoryKeys.EventDayPrefix(camera, day).Length, 2);
                        if (int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
                            && new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero) < cutoff)
                        {
                            await DeleteAsync(item.Name, cancellationToken);
                            blobs++;
                        }
                    }
                }

                return new HistorySweep(camera, cutoff, actions.Count(a => a.ActionType == TableTransactionActionType.Delete), blobs);
            },
            cancellationToken);
    }

    // Hour blobs keep their last writer's lease; an expired hour is no longer anyone's to write.
    private async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var blob = store.Container.GetBlobClient(name);
        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseIdMissing || e.Status == 412)
        {
            await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(blob).BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken);
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    private IAsyncEnumerable<TableEntity> RowsAsync(FormattableString filter, CancellationToken cancellationToken) =>
        store.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(filter), 1000, cancellationToken: cancellationToken);
}
