using ActionNet.Abstractions.History;
using Azure.Data.Tables;

namespace ActionNet.Storage;

/// <summary>Maps segments, daily totals and gaps to and from history table rows.</summary>
internal static class HistoryRows
{
    public static TableEntity ToEntity(string camera, LabelSegmentRow row)
    {
        var s = row.Segment;
        var entity = new TableEntity(camera, row.RowKey)
        {
            ["Label"] = s.Label,
            ["Start"] = s.Start,
            ["End"] = s.End,
            ["FirstEnd"] = row.FirstEnd,
            ["FirstSequence"] = s.FirstSequence,
            ["LastSequence"] = s.LastSequence,
            ["MeanConfidence"] = (double)s.MeanConfidence,
            ["PeakConfidence"] = (double)s.PeakConfidence,
            ["Windows"] = s.Windows,
            ["Model"] = s.Model,
            ["Seconds"] = s.Seconds,
            ["Open"] = s.Open,
            ["Hour"] = row.Hour.UtcTicks,
            ["Offset"] = row.Offset,
            ["Length"] = row.Length,
        };

        // Whole-frame segments leave the track columns out (a table row has no nulls).
        if (s.TrackId is { } track)
        {
            entity["TrackId"] = track;
        }

        if (s.Box is { } box)
        {
            entity["Box"] = BoxText.Format(box);
        }

        return entity;
    }

    /// <summary>The segment's row in the cross-camera label index: the same columns, plus its camera.</summary>
    public static TableEntity ToLabelIndexEntity(string camera, LabelSegmentRow row)
    {
        var entity = ToEntity(camera, row);
        entity.PartitionKey = HistoryKeys.LabelIndex(HistoryKeys.DayOf(row.FirstEnd), row.Segment.Label);
        entity.RowKey = HistoryKeys.LabelIndexRow(row.FirstEnd.UtcTicks, camera, row.Segment.FirstSequence);
        entity["Camera"] = camera;
        return entity;
    }

    public static LabelSegmentRow ToSegment(TableEntity e) => new(
        new LabelSegment
        {
            CameraId = e.GetString("Camera") ?? e.PartitionKey,
            Label = e.GetString("Label") ?? "",
            Start = e.GetDateTimeOffset("Start") ?? default,
            End = e.GetDateTimeOffset("End") ?? default,
            FirstSequence = e.GetInt64("FirstSequence") ?? 0,
            LastSequence = e.GetInt64("LastSequence") ?? 0,
            MeanConfidence = (float)(e.GetDouble("MeanConfidence") ?? 0),
            PeakConfidence = (float)(e.GetDouble("PeakConfidence") ?? 0),
            Windows = e.GetInt32("Windows") ?? 0,
            Model = e.GetString("Model") ?? "",
            Seconds = e.GetDouble("Seconds") ?? 0,
            Open = e.GetBoolean("Open") ?? false,
            TrackId = e.GetString("TrackId"),
            Box = BoxText.Parse(e.GetString("Box")),
        },
        e.GetDateTimeOffset("FirstEnd") ?? default,
        new DateTimeOffset(e.GetInt64("Hour") ?? 0, TimeSpan.Zero),
        e.GetInt64("Offset") ?? 0,
        e.GetInt64("Length") ?? 0);

    public static TableEntity ToEntity(string camera, DateOnly day, string label, SegmentTracker.DayTotal total) =>
        new(camera, HistoryKeys.Day(day, label))
        {
            ["Label"] = label,
            ["Seconds"] = total.Seconds,
            ["Windows"] = total.Windows,
            ["Segments"] = total.Segments,
        };

    public static LabelTotal ToTotal(TableEntity e) => new()
    {
        CameraId = e.PartitionKey,
        Label = e.GetString("Label") ?? "",
        Seconds = e.GetDouble("Seconds") ?? 0,
        Events = e.GetInt32("Windows") ?? 0,
        Segments = e.GetInt32("Segments") ?? 0,
    };

    public static TableEntity ToEntity(HistoryGap gap) =>
        new(gap.CameraId, HistoryKeys.Gap(gap.End.UtcTicks, gap.NextSequence))
        {
            ["Start"] = gap.Start,
            ["End"] = gap.End,
            ["PreviousSequence"] = gap.PreviousSequence,
            ["NextSequence"] = gap.NextSequence,
            ["Silo"] = gap.Silo,
            ["Reason"] = gap.Reason,
            ["LostWindows"] = gap.LostWindows,
        };

    public static HistoryGap ToGap(TableEntity e) => new()
    {
        CameraId = e.PartitionKey,
        Start = e.GetDateTimeOffset("Start") ?? default,
        End = e.GetDateTimeOffset("End") ?? default,
        PreviousSequence = e.GetInt64("PreviousSequence") ?? 0,
        NextSequence = e.GetInt64("NextSequence") ?? 0,
        Silo = e.GetString("Silo") ?? "",
        Reason = e.GetString("Reason") ?? "no windows",
        LostWindows = e.GetInt64("LostWindows") ?? 0,
    };
}
