using System.Text.Json;
using System.Text.Json.Serialization;
using ActionNet.Abstractions.History;

namespace ActionNet.Storage;

/// <summary>
/// Turns one camera's stored event stream into label segments and daily totals, exactly as the writer
/// stores them. Runs are kept per track (whole-frame events are the track ""): a run closes when its
/// track's label changes, at a gap (every run), when an event of its track ends in another UTC hour than
/// the run's first event, or when an event of another track starts more than
/// <see cref="LabelSegment.TrackIdleSeconds"/> after the run's end (the person left; track ids never come
/// back). Each event owns the part of its window after its own track's previous window end, so overlapping
/// windows of one person count once and two people count twice. Its whole state is a small JSON document kept
/// in the writer's state row, so a new writer continues the open runs where the old one stopped. Not thread-safe.
/// </summary>
internal sealed class SegmentTracker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly TimeSpan TrackIdle = TimeSpan.FromSeconds(LabelSegment.TrackIdleSeconds);

    /// <summary>Per track key ("" for whole-frame events), its open run and previous window end.</summary>
    public Dictionary<string, TrackRuns> Tracks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A state written before runs were kept per track held one run here; it is read as track "", never written.</summary>
    public OpenRun? Open { get; set; }

    /// <summary>A state written before runs were kept per track held the previous window end here; read as track "", never written.</summary>
    public DateTimeOffset? PreviousEnd { get; set; }

    /// <summary>The UTC day <see cref="Totals"/> count, as yyyy-MM-dd; empty before the first event.</summary>
    public string Day { get; set; } = "";

    /// <summary>Per label, the day's seconds, windows and segments so far (summed over tracks).</summary>
    public Dictionary<string, DayTotal> Totals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key an event's runs are kept under: its track id, or "" for whole-frame events.</summary>
    public static string KeyOf(string? trackId) => trackId ?? "";

    public static SegmentTracker Parse(string? json)
    {
        var tracker = string.IsNullOrEmpty(json) ? new SegmentTracker() : JsonSerializer.Deserialize<SegmentTracker>(json, Json) ?? new SegmentTracker();
        if (tracker.Open is not null || tracker.PreviousEnd is not null)
        {
            tracker.Tracks[""] = new TrackRuns { Open = tracker.Open, PreviousEnd = tracker.PreviousEnd };
            tracker.Open = null;
            tracker.PreviousEnd = null;
        }

        return tracker;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public SegmentTracker Clone() => Parse(ToJson());

    /// <summary>
    /// Adds a stored event that sits at <paramref name="offset"/> (<paramref name="length"/> bytes) in its
    /// hour blob. Returns the runs it closed, oldest first (none, its own track's previous run, idle tracks' runs).
    /// </summary>
    public IReadOnlyList<LabelSegmentRow> Add(ActionEvent e, long offset, long length)
    {
        var key = KeyOf(e.TrackId);
        var closed = CloseIdle(key, e.Start);
        var hour = HistoryKeys.HourOf(e.End);
        if (!Tracks.TryGetValue(key, out var track))
        {
            track = new TrackRuns();
            Tracks[key] = track;
        }

        if (track.Open is { } run && (!string.Equals(run.Label, e.Label, StringComparison.Ordinal) || run.HourTicks != hour.UtcTicks))
        {
            closed.Add(Close(track));
        }

        var ownedFrom = track.PreviousEnd is { } previous && previous > e.Start ? previous : e.Start;
        var owned = Math.Max(0, (e.End - ownedFrom).TotalSeconds);
        track.PreviousEnd = track.PreviousEnd is { } p && p > e.End ? p : e.End;

        var day = HistoryKeys.DayOf(e.End).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (day != Day)
        {
            Day = day;
            Totals = new(StringComparer.Ordinal);
        }

        var total = Totals.TryGetValue(e.Label, out var t) ? t : new DayTotal();
        if (track.Open is null)
        {
            track.Open = new OpenRun
            {
                Label = e.Label,
                TrackId = e.TrackId,
                Start = e.Start,
                End = e.End,
                FirstEnd = e.End,
                FirstSequence = e.Sequence,
                LastSequence = e.Sequence,
                Model = e.Model,
                HourTicks = hour.UtcTicks,
                Offset = offset,
                Length = 0,
            };
            total.Segments++;
        }

        var open = track.Open;
        open.End = e.End > open.End ? e.End : open.End;
        open.LastSequence = e.Sequence;
        open.Windows++;
        open.ConfidenceSum += e.Confidence;
        open.Peak = Math.Max(open.Peak, e.Confidence);
        open.Seconds += owned;
        open.Length = offset + length - open.Offset;
        open.Box = e.Box;
        total.Seconds += owned;
        total.Windows++;
        Totals[e.Label] = total;
        return closed;
    }

    /// <summary>
    /// A gap (an outage: no window for a while), so every open run ends, oldest first. Tracks end with it (a
    /// reopened stream starts new tracks); the whole-frame key keeps its previous window end.
    /// </summary>
    public IReadOnlyList<LabelSegmentRow> Gap()
    {
        var closed = new List<LabelSegmentRow>();
        foreach (var (key, track) in Tracks.ToList())
        {
            if (track.Open is not null)
            {
                closed.Add(Close(track));
            }

            if (key.Length > 0)
            {
                Tracks.Remove(key);
            }
        }

        return Oldest(closed);
    }

    /// <summary>Every open run as a row, oldest first.</summary>
    public IReadOnlyList<LabelSegmentRow> OpenRows() =>
        Oldest([.. Tracks.Values.Where(t => t.Open is not null).Select(t => t.Open!.ToRow(open: true))]);

    /// <summary>The open run of <paramref name="trackId"/>'s track as a row, or null.</summary>
    public LabelSegmentRow? OpenRow(string? trackId = null) =>
        Tracks.TryGetValue(KeyOf(trackId), out var track) && track.Open is { } run ? run.ToRow(open: true) : null;

    // Runs of other tracks that have had no window for longer than the idle time end: the person left.
    private List<LabelSegmentRow> CloseIdle(string key, DateTimeOffset now)
    {
        var closed = new List<LabelSegmentRow>();
        foreach (var (other, track) in Tracks.ToList())
        {
            if (other != key && track.Open is { } run && now - run.End > TrackIdle)
            {
                closed.Add(Close(track));
                Tracks.Remove(other);
            }
        }

        return Oldest(closed);
    }

    private static List<LabelSegmentRow> Oldest(List<LabelSegmentRow> rows)
    {
        rows.Sort((a, b) => (a.FirstEnd.UtcTicks, a.Segment.FirstSequence).CompareTo((b.FirstEnd.UtcTicks, b.Segment.FirstSequence)));
        return rows;
    }

    private static LabelSegmentRow Close(TrackRuns track)
    {
        var row = track.Open!.ToRow(open: false);
        track.Open = null;
        return row;
    }

    /// <summary>One track's open run and the end of its previous window.</summary>
    internal sealed class TrackRuns
    {
        public OpenRun? Open { get; set; }

        public DateTimeOffset? PreviousEnd { get; set; }
    }

    /// <summary>A day's total for one label.</summary>
    internal sealed class DayTotal
    {
        public double Seconds { get; set; }

        public int Windows { get; set; }

        public int Segments { get; set; }
    }

    /// <summary>The segment being extended.</summary>
    internal sealed class OpenRun
    {
        public string Label { get; set; } = "";

        public string? TrackId { get; set; }

        public float[]? Box { get; set; }

        public DateTimeOffset Start { get; set; }

        public DateTimeOffset End { get; set; }

        public DateTimeOffset FirstEnd { get; set; }

        public long FirstSequence { get; set; }

        public long LastSequence { get; set; }

        public int Windows { get; set; }

        public double ConfidenceSum { get; set; }

        public float Peak { get; set; }

        public string Model { get; set; } = "";

        public double Seconds { get; set; }

        public long HourTicks { get; set; }

        public long Offset { get; set; }

        public long Length { get; set; }

        public LabelSegmentRow ToRow(bool open) => new(
            new LabelSegment
            {
                Label = Label,
                TrackId = TrackId,
                Box = Box,
                Start = Start,
                End = End,
                FirstSequence = FirstSequence,
                LastSequence = LastSequence,
                MeanConfidence = Windows == 0 ? 0 : (float)(ConfidenceSum / Windows),
                Windows = Windows,
                PeakConfidence = Peak,
                Model = Model,
                Seconds = Seconds,
                Open = open,
            },
            FirstEnd,
            new DateTimeOffset(HourTicks, TimeSpan.Zero),
            Offset,
            Length);
    }
}
