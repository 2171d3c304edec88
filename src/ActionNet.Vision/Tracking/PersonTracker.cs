using ActionNet.Vision.Detection;

namespace ActionNet.Vision.Tracking;

/// <summary>
/// A ByteTrack-style multi-person tracker for one stream. Every track has a constant-velocity Kalman filter
/// on (cx, cy, aspect, height) and is predicted every frame. On a detection frame (<see cref="Update"/>):
/// confirmed and lost tracks are matched to high-confidence detections by IoU (Hungarian assignment); the
/// confirmed tracks left over are matched to low-confidence detections; tentative tracks to the high ones
/// left, by buffered IoU (<see cref="TrackerOptions.TentativeBuffer"/>); a confirmed track still unmatched becomes lost, a tentative one ends; a high detection still
/// unmatched starts a tentative track, confirmed after <see cref="TrackerOptions.MinHits"/> matches. Between
/// detection frames (<see cref="Predict"/>) tracks are only predicted. A track unseen for more than
/// <see cref="TrackerOptions.MaxAge"/> frames ends. Unlike ByteTrack, association uses plain IoU (no fusion
/// with the detection score) and new tracks always start tentative, even on the first frame.
/// Not thread-safe: one tracker per stream.
/// </summary>
public sealed class PersonTracker
{
    // Cost of a pair below its IoU gate: large enough that the solver first maximises the pairs inside the gate.
    private const double Gated = 1e4;
    private readonly List<Track> _tracks = [];
    private readonly List<int> _ended = [];
    private int _nextId = 1;

    /// <summary>Creates a tracker with <paramref name="options"/> (validated).</summary>
    public PersonTracker(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>How detections are associated.</summary>
    public TrackerOptions Options { get; }

    /// <summary>Frames given so far (detection and predicted ones).</summary>
    public long Frames { get; private set; }

    /// <summary>The live tracks after the last frame, every state, by id.</summary>
    public IReadOnlyList<TrackedPerson> Tracks { get; private set; } = [];

    /// <summary>Ids of the tracks the last frame ended (tentative tracks that missed, lost tracks past <see cref="TrackerOptions.MaxAge"/>), ascending.</summary>
    public IReadOnlyList<int> Ended => _ended;

    /// <summary>
    /// One frame: with <paramref name="detections"/> (this frame's people, boxes in source pixels) a detection
    /// frame, with null a predicted one (see <see cref="Predict"/>). Returns <see cref="Tracks"/>.
    /// </summary>
    public IReadOnlyList<TrackedPerson> Update(IReadOnlyList<PersonDetection>? detections)
    {
        Frames++;
        _ended.Clear();
        foreach (var track in _tracks)
        {
            track.Predict();
        }

        if (detections is not null)
        {
            Associate(detections);
        }

        foreach (var track in _tracks.Where(t => t.State == TrackState.Lost && t.FramesSinceSeen > Options.MaxAge).ToList())
        {
            End(track);
        }

        foreach (var track in _tracks)
        {
            track.EndFrame();
        }

        _ended.Sort();
        Tracks = [.. _tracks.OrderBy(t => t.Id).Select(t => t.Snapshot())];
        return Tracks;
    }

    /// <summary>A frame without detections (between detection frames): every track is predicted, none is missed.</summary>
    public IReadOnlyList<TrackedPerson> Predict() => Update(null);

    private void Associate(IReadOnlyList<PersonDetection> detections)
    {
        var high = detections.Where(d => d.Confidence >= Options.HighThreshold && !d.Box.IsEmpty).ToList();
        var low = detections.Where(d => d.Confidence >= Options.LowThreshold && d.Confidence < Options.HighThreshold && !d.Box.IsEmpty).ToList();

        // First: confirmed and lost tracks against high detections; a lost track that matches is found again.
        var pool = _tracks.Where(t => t.State != TrackState.Tentative).ToList();
        var (leftTracks, leftHigh) = Match(pool, high, Options.MatchIoU, bufferPerFrame: 0);

        // Second: confirmed tracks left over against low detections (lost ones wait for a high detection).
        var (missed, _) = Match([.. leftTracks.Where(t => t.State == TrackState.Confirmed)], low, Options.LowMatchIoU, bufferPerFrame: 0);
        foreach (var track in missed)
        {
            track.State = TrackState.Lost;
        }

        // Third: tentative tracks against the high detections left, by buffered IoU; a tentative track that misses ends.
        var (unmatchedTentative, leftNew) = Match([.. _tracks.Where(t => t.State == TrackState.Tentative)], leftHigh, Options.TentativeMatchIoU, Options.TentativeBuffer);
        foreach (var track in unmatchedTentative)
        {
            End(track);
        }

        foreach (var detection in leftNew.Where(d => d.Confidence >= Options.NewTrackThreshold))
        {
            _tracks.Add(new Track(_nextId++, detection, Options.MinHits <= 1 ? TrackState.Confirmed : TrackState.Tentative, Options.SizeSmoothing));
        }
    }

    /// <summary>
    /// Matches <paramref name="tracks"/> to <paramref name="detections"/> with IoU at least <paramref name="minIoU"/>, both
    /// boxes grown by <paramref name="bufferPerFrame"/> per frame since the track's last detection; updates the matched
    /// tracks and returns what is left of each.
    /// </summary>
    private (List<Track> Tracks, List<PersonDetection> Detections) Match(List<Track> tracks, List<PersonDetection> detections, float minIoU, float bufferPerFrame)
    {
        if (tracks.Count == 0 || detections.Count == 0)
        {
            return (tracks, detections);
        }

        var cost = new double[tracks.Count, detections.Count];
        for (var t = 0; t < tracks.Count; t++)
        {
            var buffer = bufferPerFrame * tracks[t].FramesSinceSeen;
            var box = tracks[t].Box.Expand(buffer);
            for (var d = 0; d < detections.Count; d++)
            {
                var iou = box.IoU(detections[d].Box.Expand(buffer));
                cost[t, d] = iou >= minIoU ? 1 - iou : Gated;
            }
        }

        var assignment = HungarianAssignment.Solve(cost);
        var leftTracks = new List<Track>();
        var taken = new bool[detections.Count];
        for (var t = 0; t < tracks.Count; t++)
        {
            var d = assignment[t];
            if (d < 0 || cost[t, d] >= Gated)
            {
                leftTracks.Add(tracks[t]);
                continue;
            }

            taken[d] = true;
            var track = tracks[t];
            track.Update(detections[d]);
            if (track.State == TrackState.Lost || (track.State == TrackState.Tentative && track.Hits >= Options.MinHits))
            {
                track.State = TrackState.Confirmed;
            }
        }

        return (leftTracks, [.. detections.Where((_, d) => !taken[d])]);
    }

    private void End(Track track)
    {
        _tracks.Remove(track);
        _ended.Add(track.Id);
    }
}
