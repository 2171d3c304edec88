using ActionNet.Vision.Detection;
using ActionNet.Vision.Tracking;
using OpenCvSharp;

namespace ActionNet.Vision.Clips;

/// <summary>
/// Person mode for one camera: detector, tracker and tubes in one place. Every k-th frame pushed (the first
/// included) runs the detector and keeps its "person" detections at or above the tracker's low threshold
/// (nothing lower can move a track); the frames between only predict the tracks. The confirmed tracks' crops
/// go to <see cref="PersonTubes"/>, and each push returns the person windows the frame completes.
/// Does not own the detector: the caller disposes it. Not thread-safe: one instance per camera.
/// </summary>
public sealed class PersonWindowCutter : IDisposable
{
    private readonly IPersonDetector _detector;
    private readonly PersonTracker _tracker;
    private readonly PersonTubes _tubes;
    private long _pushed;

    /// <summary>Creates the person mode of one camera.</summary>
    /// <param name="detector">Finds people in a frame; called on every <paramref name="detectionInterval"/>-th frame.</param>
    /// <param name="tracker">How detections are associated with tracks.</param>
    /// <param name="detectionInterval">Frames per detection (1: every frame; 3: frames 0, 3, 6, ... of those pushed).</param>
    /// <param name="tubes">Stride, subsample, crop context and track cap of the tubes.</param>
    /// <param name="spec">Clip length, model resolution and inputs.</param>
    /// <param name="allocate">Supplies the arrays of emitted windows, as for <see cref="WindowBuffer"/>; defaults to new arrays.</param>
    public PersonWindowCutter(IPersonDetector detector, TrackerOptions tracker, int detectionInterval, TubeOptions tubes, ClipSpec spec, Func<int, byte[]>? allocate = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentOutOfRangeException.ThrowIfLessThan(detectionInterval, 1);
        _detector = detector;
        _tracker = new PersonTracker(tracker);
        DetectionInterval = detectionInterval;
        _tubes = new PersonTubes(spec, tubes, allocate);
    }

    /// <summary>Frames per detection.</summary>
    public int DetectionInterval { get; }

    /// <summary>Frames on which the detector ran.</summary>
    public long DetectionFrames { get; private set; }

    /// <summary>The people being followed after the last frame (confirmed tracks), by id: what to draw.</summary>
    public IReadOnlyList<TrackedPerson> Tracks { get; private set; } = [];

    /// <summary>Ids of the tracks the last frame ended, ascending: their tubes are gone, their labels can be closed.</summary>
    public IReadOnlyList<int> EndedTracks => _tracker.Ended;

    /// <summary>Ids of the tracks that hold a tube now, ascending.</summary>
    public IReadOnlyList<int> TubeTrackIds => _tubes.TrackIds;

    /// <summary>Frames of confirmed people not added to a tube since construction, by reason.</summary>
    public IReadOnlyDictionary<TubeDropReason, long> Dropped => _tubes.Dropped;

    /// <summary>
    /// One decoded frame (8-bit BGR, the detector's and the crops' source): detects on every k-th frame, updates or
    /// predicts the tracks, feeds the tubes; returns the windows this frame completes, by track id.
    /// </summary>
    public IReadOnlyList<PersonWindow> Push(long sourceIndex, TimeSpan timestamp, Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        IReadOnlyList<PersonDetection>? people = null;
        if (_pushed++ % DetectionInterval == 0)
        {
            DetectionFrames++;
            people = [.. _detector.Detect(bgrFrame).Where(d => d.ClassName == PersonDetection.Person && d.Confidence >= _tracker.Options.LowThreshold)];
        }

        var tracks = _tracker.Update(people);
        Tracks = [.. tracks.Where(t => t.State == TrackState.Confirmed)];
        return _tubes.Push(sourceIndex, timestamp, bgrFrame, tracks, _tracker.Ended);
    }

    /// <inheritdoc/>
    public void Dispose() => _tubes.Dispose();
}
