using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.History;
using Azure.Data.Tables;

namespace ActionNet.Storage;

/// <summary>
/// Writes closed segments, their daily totals and their cross-camera label-index rows straight into a store's
/// index, in entity-group transactions of 100 rows: how <c>bench history</c> lays down weeks of synthetic history that no real
/// writer could produce in a benchmark's time. Segments must be in time order per camera and each lie
/// in one UTC hour; they carry no event bytes (their drill-down reads nothing).
/// </summary>
public sealed class HistorySeeder(LabelStore store)
{
    /// <summary>Writes <paramref name="segments"/> of <paramref name="cameraId"/> and the daily totals they add up to.</summary>
    public Task SeedAsync(string cameraId, IReadOnlyList<LabelSegment> segments, IReadOnlyList<string> labels, CancellationToken cancellationToken = default)
    {
        var camera = CameraIds.Validate(cameraId);
        ArgumentNullException.ThrowIfNull(segments);
        return store.GuardAsync(
            async () =>
            {
                await store.RegisterCameraAsync(camera, labels, cancellationToken);
                var rows = new List<TableEntity>(segments.Count + 64);
                var indexed = new List<LabelSegmentRow>(segments.Count);
                var totals = new SortedDictionary<(DateOnly, string), SegmentTracker.DayTotal>();
                foreach (var s in segments)
                {
                    var firstEnd = s.Start.AddSeconds(Math.Min(s.Seconds, 1));
                    var row = new LabelSegmentRow(s with { CameraId = camera }, firstEnd, HistoryKeys.HourOf(s.End), 0, 0);
                    rows.Add(HistoryRows.ToEntity(camera, row));
                    indexed.Add(row);
                    var key = (HistoryKeys.DayOf(s.End), s.Label);
                    var total = totals.TryGetValue(key, out var t) ? t : totals[key] = new SegmentTracker.DayTotal();
                    total.Seconds += s.Seconds;
                    total.Windows += s.Windows;
                    total.Segments++;
                }

                rows.AddRange(totals.Select(t => HistoryRows.ToEntity(camera, t.Key.Item1, t.Key.Item2, t.Value)));
                await store.SubmitLabelIndexAsync(camera, indexed, cancellationToken);
                foreach (var chunk in rows.Chunk(100))
                {
                    var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
                    await store.WithTableAsync(() => store.Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
                }

                return true;
            },
            cancellationToken);
    }
}
