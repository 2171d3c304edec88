using ActionNet.Abstractions.Cameras;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Tracking;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// A camera's person mode on its reader thread: the camera's detector (owned, disposed with this) and the
/// <see cref="PersonWindowCutter"/> of the current reader run. Every (re)opened source starts a new run with a new
/// tracker, so no tube joins frames from both sides of an outage; runs tell the trackers' ids apart.
/// Not thread-safe.
/// </summary>
public sealed partial class PersonMode : IDisposable
{
    private readonly string cameraId;
    private readonly PersonPlan plan;
    private readonly ClipSpec spec;
    private readonly TrackerOptions tracker;
    private readonly TubeOptions tubes;
    private readonly IPersonDetector detector;
    private readonly WindowArrayPool pool;
    private readonly ILogger logger;
    private PersonWindowCutter? cutter;
    private long run;
    private long droppedBefore;

    /// <summary>Person mode for <paramref name="cameraId"/> by <paramref name="plan"/>, tubes cut every <paramref name="stride"/> kept frames.</summary>
    public PersonMode(string cameraId, PersonPlan plan, ClipSpec spec, int stride, int subsample, IPersonDetector detector, WindowArrayPool pool, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.cameraId = cameraId;
        this.plan = plan;
        this.spec = spec;
        this.detector = detector;
        this.pool = pool;
        this.logger = logger;

        // The profile's threshold is what starts and feeds a track; detections down to a quarter of it can keep one
        // alive through a hard frame (ByteTrack's second association).
        var threshold = (float)plan.Threshold;
        tracker = new TrackerOptions { HighThreshold = threshold, NewTrackThreshold = Math.Min(1, threshold + 0.1f), LowThreshold = threshold / 4 };
        tubes = new TubeOptions { Stride = stride, Subsample = subsample, Context = (float)plan.Context, MaxTracks = plan.MaxTracks };
        tracker.Validate();
        tubes.Validate();
    }

    /// <summary>People followed after the last frame.</summary>
    public int InView => cutter?.Tracks.Count ?? 0;

    /// <summary>Frames of people not cut into a tube (over the track cap, outside the frame), all runs.</summary>
    public long Dropped => droppedBefore + (cutter?.Dropped.Values.Sum() ?? 0);

    /// <summary>Starts a new run: the source (re)opened, so the people in view are followed afresh.</summary>
    public void Restart()
    {
        if (cutter is not null)
        {
            droppedBefore += cutter.Dropped.Values.Sum();
            cutter.Dispose();
        }

        cutter = new PersonWindowCutter(detector, tracker, plan.DetectionInterval, tubes, spec, pool.Rent);
        run++;
        LogRun(cameraId, detector.Name, plan.DetectionInterval, run);
    }

    /// <summary>One full-size BGR frame: the windows it completes, each with the tracked person it belongs to.</summary>
    public IReadOnlyList<(ClipWindow Window, ReaderTrack Track)> Push(long sourceIndex, TimeSpan timestamp, Mat frame)
    {
        if (cutter is null)
        {
            Restart();
        }

        return [.. cutter!.Push(sourceIndex, timestamp, frame).Select(w => (w.Window, new ReaderTrack(run, w.TrackId, w.Box)))];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        cutter?.Dispose();
        detector.Dispose();
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "camera {Camera}: following people with detector {Detector} every {Interval} frame(s) (reader run {Run})")]
    private partial void LogRun(string camera, string detector, int interval, long run);
}
