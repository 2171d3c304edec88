using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Live;
using ActionNet.Storage.Alerts;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// Turns live label events into firing phases, one firing per rule and label segment. Segments, and so firings,
/// belong to a labelled stream: a whole-frame camera, or one tracked person of a camera in person mode
/// (<see cref="LabelStreams"/>), so each person's segment fires on its own. A segment fires a
/// rule's <c>start</c> once its label is the rule's, its camera is watched, its running mean confidence (the
/// mean of its events' confidences so far) reaches the minimum and its owned seconds reach the minimum
/// duration, unless it began within the cooldown after the end of the rule's previous firing on that stream.
/// While it grows, an open firing gets an <c>update</c> at most once per update interval (camera time); when
/// the segment ends (its end event, or a later segment of the camera), the firing gets its <c>end</c>. A
/// firing's updates and end go to the targets its start went to, even when the rule has changed since.
/// Events that cannot be placed in a known segment (the router started mid-segment, or events were lost)
/// are held until the stored segment holding them arrives (<see cref="Lookups"/>, <see cref="Stored"/>).
/// Every decision depends only on events and stored segments, so a router on another silo re-derives the
/// same firing ids. Not thread-safe.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly TimeSpan updateInterval;
    private readonly TimeSpan gap;
    private readonly int maxHeld;
    private readonly Dictionary<string, CameraTrack> streams = new(StringComparer.Ordinal);
    private readonly FiringLedger firings = new();
    private readonly HashSet<string> holding = new(StringComparer.Ordinal);
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);
    private const int ForgetEvery = 1000;
    private AlertRule[] rules = [];
    private long observed;
    private List<AlertFiring> decided = [];

    /// <summary>
    /// An evaluator sending updates at most every <paramref name="updateInterval"/> (zero: none), treating a pause
    /// longer than <paramref name="gap"/> between windows as a segment boundary (the aggregator's gap threshold),
    /// and holding at most <paramref name="maxHeldEvents"/> unplaced events per camera.
    /// </summary>
    public AlertEvaluator(TimeSpan updateInterval, TimeSpan gap, int maxHeldEvents = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeldEvents, 1);
        this.updateInterval = updateInterval;
        this.gap = gap;
        maxHeld = maxHeldEvents;
    }

    /// <summary>The latest camera time seen in a live event, or null before the first.</summary>
    public DateTimeOffset? Seen { get; private set; }

    /// <summary>Streams waiting for a stored segment, each with the earliest event it must hold (which names its camera and track).</summary>
    public IReadOnlyList<SegmentLookup> Lookups =>
        holding.Count == 0 ? [] : [.. holding.Select(key => new SegmentLookup(streams[key].Target!.CameraId, streams[key].Target!))];

    /// <summary>The labels of the rules in use: the only labels that can start a firing.</summary>
    public IReadOnlyList<string> Labels => [.. rules.Select(r => r.Label).Distinct(StringComparer.Ordinal)];

    /// <summary>Every firing that has started and not ended.</summary>
    public IEnumerable<AlertFiringState> OpenFirings => firings.Open;

    /// <summary>Uses <paramref name="current"/> from now on; disabled rules start nothing.</summary>
    public void SetRules(IEnumerable<AlertRule> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        rules = [.. current.Where(r => r.Enabled)];
    }

    /// <summary>Carries on from stored firings (the latest per rule and camera).</summary>
    public void Restore(IEnumerable<AlertFiringState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states)
        {
            firings.Set(state);
        }
    }

    /// <summary>Takes one live event; returns the phases it decided, in order.</summary>
    public IReadOnlyList<AlertFiring> Observe(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        decided = [];
        Apply(e);
        return decided;
    }

    /// <summary>
    /// Takes a segment read from the label history: the one a <see cref="Lookups"/> entry waits for (its held
    /// events then follow on), or a closed segment the router may have missed while it was not running. Returns
    /// the phases decided; already decided phases are not decided again.
    /// </summary>
    public IReadOnlyList<AlertFiring> Stored(LabelSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        decided = [];
        var track = Track(segment.CameraId, segment.TrackId);
        if (track.Target is { } target && segment.FirstSequence <= target.Sequence && target.Sequence <= segment.LastSequence)
        {
            Place(track, segment);
        }
        else if (!segment.Open
            && track.Current?.Segment.FirstSequence != segment.FirstSequence
            && segment.LastSequence > track.Floor
            && (track.Target is null || segment.LastSequence < track.Target.Sequence))
        {
            // A closed segment the live events did not cover; one after a held event waits until that event's
            // segment is decided, because a camera's firings are decided in segment order.
            Closed(segment);
        }

        return decided;
    }

    private void Apply(LiveEvent e)
    {
        var time = e.Event?.End ?? e.Segment?.End ?? e.Gap?.End;
        if (time is { } t && (Seen is null || t > Seen))
        {
            Seen = t;
        }

        var track = Track(e.CameraId, e.TrackId);
        track.LastSeen = Seen;
        ForgetLeftTracks();
        if (track.Held is { } held)
        {
            Hold(track, held, e);
            return;
        }

        switch (e)
        {
            case { Kind: LiveEventKind.SegmentStart, Segment: { } started } when started.FirstSequence > track.Floor:
                track.Current = SegmentProgress.From(started);
                track.Floor = started.LastSequence;
                Advance(started);
                Start(track.Current.Segment);
                break;
            case { Kind: LiveEventKind.Label, Event: { } label } when label.Sequence > track.Floor:
                if (track.Current is { } current && current.Continues(label, gap))
                {
                    current.Add(label);
                    track.Floor = label.Sequence;
                    Start(current.Segment);
                    Update(current.Segment);
                }
                else if (!rules.Any(r => string.Equals(r.Label, label.Label, StringComparison.Ordinal) && r.Watches(e.CameraId)) && !firings.Of(track.Key).Any(s => s.Open))
                {
                    // No rule can fire on it and no firing waits for an end: its segment does not matter.
                    track.Current = null;
                    track.Floor = label.Sequence;
                }
                else
                {
                    // A label, an hour or a pause that the known segment cannot hold: its end (and this segment's
                    // start) were missed. The stored segment decides; the known one stays until then.
                    track.Target = label;
                    track.Held = [e];
                    holding.Add(track.Key);
                }

                break;
            case { Kind: LiveEventKind.SegmentEnd, Segment: { } ended }:
                if (track.Current is { } open && open.Segment.FirstSequence <= ended.FirstSequence)
                {
                    track.Current = null;
                }

                track.Floor = Math.Max(track.Floor, ended.LastSequence);
                Closed(ended);
                break;
        }
    }

    private void Hold(CameraTrack track, List<LiveEvent> held, LiveEvent e)
    {
        held.Add(e);
        if (e is { Kind: LiveEventKind.SegmentEnd, Segment: { } ended } && ended.FirstSequence <= track.Target!.Sequence && track.Target.Sequence <= ended.LastSequence)
        {
            Place(track, ended);
            return;
        }

        if (held.Count > maxHeld)
        {
            held.RemoveAt(0);
            track.Target = held.FirstOrDefault(h => h.Kind == LiveEventKind.Label)?.Event ?? track.Target;
        }
    }

    // The segment holding the held target is known: follow on from it, then take the held events again.
    private void Place(CameraTrack track, LabelSegment segment)
    {
        var held = track.Held ?? [];
        track.Held = null;
        track.Target = null;
        holding.Remove(track.Key);
        track.Floor = Math.Max(track.Floor, segment.LastSequence);
        if (segment.Open)
        {
            track.Current = SegmentProgress.From(segment);
            Advance(segment);
            Start(segment);
        }
        else
        {
            if (track.Current is { } current && current.Segment.FirstSequence <= segment.FirstSequence)
            {
                track.Current = null;
            }

            Closed(segment);
        }

        foreach (var e in held)
        {
            Apply(e);
        }
    }

    private void Closed(LabelSegment segment)
    {
        var closed = segment with { Open = false };
        Advance(closed);
        Start(closed);
        foreach (var state in firings.Of(LabelStreams.Key(closed.CameraId, closed.TrackId)).Where(s => s.Open && s.FirstSequence == closed.FirstSequence).ToList())
        {
            Decide(state with { Open = false, Segment = closed }, AlertPhase.End, closed);
        }
    }

    // Firings of earlier segments of the stream that are still open ended without their end being seen.
    private void Advance(LabelSegment segment)
    {
        foreach (var state in firings.Of(LabelStreams.Key(segment.CameraId, segment.TrackId)).Where(s => s.Open && s.FirstSequence < segment.FirstSequence).ToList())
        {
            var last = state.Segment with { Open = false };
            Decide(state with { Open = false, Segment = last }, AlertPhase.End, last);
        }
    }

    private void Start(LabelSegment segment)
    {
        foreach (var rule in rules)
        {
            if (!string.Equals(rule.Label, segment.Label, StringComparison.Ordinal) || !rule.Watches(segment.CameraId))
            {
                continue;
            }

            var previous = firings.Get(LabelStreams.Key(segment.CameraId, segment.TrackId), rule.Id);
            if ((previous is not null && previous.FirstSequence >= segment.FirstSequence)
                || segment.Seconds < rule.MinDurationSeconds
                || segment.MeanConfidence < rule.MinConfidence
                || (previous is not null && segment.Start < previous.Segment.End + TimeSpan.FromSeconds(rule.CooldownSeconds)))
            {
                continue;
            }

            Decide(
                new AlertFiringState
                {
                    FiringId = AlertKeys.FiringId(rule.Id, segment.CameraId, segment.FirstSequence),
                    RuleId = rule.Id,
                    CameraId = segment.CameraId,
                    TrackId = segment.TrackId,
                    FirstSequence = segment.FirstSequence,
                    WebhookUrl = string.IsNullOrEmpty(rule.WebhookUrl) ? null : rule.WebhookUrl,
                    Mqtt = rule.Mqtt,
                    Open = true,
                    LastPhaseAt = segment.End,
                    Segment = segment,
                },
                AlertPhase.Start,
                segment);
        }
    }

    private void Update(LabelSegment segment)
    {
        if (updateInterval <= TimeSpan.Zero)
        {
            return;
        }

        foreach (var state in firings.Of(LabelStreams.Key(segment.CameraId, segment.TrackId)).Where(s => s.Open && s.FirstSequence == segment.FirstSequence && segment.End - s.LastPhaseAt >= updateInterval).ToList())
        {
            Decide(state with { Updates = state.Updates + 1, LastPhaseAt = segment.End, Segment = segment }, AlertPhase.Update, segment);
        }
    }

    private void Decide(AlertFiringState state, AlertPhase phase, LabelSegment segment)
    {
        firings.Set(state);
        decided.Add(new AlertFiring(state, phase, AlertKeys.Step(phase, state.Updates), segment));
    }

    // A tracked person who left never comes back (track ids are not reused): once their stream has been quiet for a
    // while with nothing open or held, what the evaluator keeps of it goes, so memory follows the people in view.
    private void ForgetLeftTracks()
    {
        if (++observed % ForgetEvery != 0 || Seen is not { } now)
        {
            return;
        }

        foreach (var (key, stream) in streams.Where(s => s.Value.TrackId is not null).ToList())
        {
            if (stream.LastSeen < now - ForgetAfter && stream.Held is null && !firings.Of(key).Any(f => f.Open))
            {
                streams.Remove(key);
                firings.Forget(key);
            }
        }
    }

    private CameraTrack Track(string camera, string? trackId)
    {
        var key = LabelStreams.Key(camera, trackId);
        if (!streams.TryGetValue(key, out var track))
        {
            track = new CameraTrack(key, trackId);
            streams[key] = track;
        }

        return track;
    }
}
