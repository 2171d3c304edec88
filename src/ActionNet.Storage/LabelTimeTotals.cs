using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// Time per label per camera. Windows overlap (stride &lt; T), so each event owns only the part of its
/// window after the end of the camera's previous window: a stream of windows counts its covered time
/// once, and a gap between windows (an outage) counts for nothing.
/// </summary>
internal static class LabelTimeTotals
{
    /// <param name="events">De-duplicated events, ordered by time, then sequence within each camera.</param>
    /// <param name="query">The label and confidence filters select which owned time is counted.</param>
    public static LabelTotal[] Compute(IEnumerable<ActionEvent> events, HistoryQuery query)
    {
        var totals = new Dictionary<(string Camera, string Label), (double Seconds, int Events)>();
        var previousEnd = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var ownedFrom = previousEnd.TryGetValue(e.CameraId, out var end) && end > e.Start ? end : e.Start;
            previousEnd[e.CameraId] = end > e.End ? end : e.End;
            if ((query.Label is not null && !string.Equals(e.Label, query.Label, StringComparison.Ordinal))
                || e.Confidence < query.MinConfidence)
            {
                continue;
            }

            var key = (e.CameraId, e.Label);
            var (seconds, count) = totals.GetValueOrDefault(key);
            totals[key] = (seconds + Math.Max(0, (e.End - ownedFrom).TotalSeconds), count + 1);
        }

        return totals
            .OrderBy(t => t.Key.Camera, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Label, StringComparer.Ordinal)
            .Select(t => new LabelTotal { CameraId = t.Key.Camera, Label = t.Key.Label, Seconds = t.Value.Seconds, Events = t.Value.Events })
            .ToArray();
    }
}
