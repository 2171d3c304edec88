namespace ActionNet.Vision.Tracking;

/// <summary>
/// How a <see cref="PersonTracker"/> associates detections with tracks (ByteTrack's defaults where ByteTrack
/// has the setting). Frames count every frame the tracker is given, detection frames and predicted ones alike.
/// </summary>
public sealed record TrackerOptions
{
    /// <summary>Detections at or above this confidence are high: matched first, and may start tracks (ByteTrack <c>track_thresh</c>, 0.5).</summary>
    public float HighThreshold { get; init; } = 0.5f;

    /// <summary>Detections from this confidence up to <see cref="HighThreshold"/> are low: they only keep confirmed tracks going (ByteTrack 0.1).</summary>
    public float LowThreshold { get; init; } = 0.1f;

    /// <summary>An unmatched high detection starts a track only at or above this confidence (ByteTrack <c>track_thresh + 0.1</c>, 0.6).</summary>
    public float NewTrackThreshold { get; init; } = 0.6f;

    /// <summary>Least IoU for confirmed and lost tracks to match high detections (ByteTrack <c>match_thresh</c> 0.8 as a cost, 0.2 as IoU).</summary>
    public float MatchIoU { get; init; } = 0.2f;

    /// <summary>Least IoU for confirmed tracks left over to match low detections (ByteTrack 0.5).</summary>
    public float LowMatchIoU { get; init; } = 0.5f;

    /// <summary>Least IoU for tentative tracks to match the high detections left over (ByteTrack 0.3).</summary>
    public float TentativeMatchIoU { get; init; } = 0.3f;

    /// <summary>
    /// In the tentative association both boxes grow on every side by this fraction of their width and height per
    /// frame since the track's last detection before their IoU is taken (buffered IoU, as C-BIoU does): a new
    /// track has no velocity yet, so a person who moves fast, or is detected only every few frames, would
    /// otherwise leave its own box behind and never be confirmed. Per frame, so every-frame detection keeps a
    /// tight gate that chance false positives rarely pass.
    /// </summary>
    public float TentativeBuffer { get; init; } = 0.15f;

    /// <summary>Matched detections a track needs to be confirmed (1: at once). False positives that last fewer detection frames never become people.</summary>
    public int MinHits { get; init; } = 3;

    /// <summary>Frames a lost track is kept (predicted, matchable) after its last match before it ends (ByteTrack's 30-frame buffer).</summary>
    public int MaxAge { get; init; } = 30;

    /// <summary>Weight of the previous smoothed width and height in <see cref="TrackedPerson.SmoothedBox"/>, 0 (no smoothing) to below 1.</summary>
    public float SizeSmoothing { get; init; } = 0.5f;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Range(LowThreshold, 0, HighThreshold, nameof(LowThreshold), "from 0 up to HighThreshold");
        Range(HighThreshold, LowThreshold, 1, nameof(HighThreshold), "from LowThreshold up to 1");
        Range(NewTrackThreshold, HighThreshold, 1, nameof(NewTrackThreshold), "from HighThreshold up to 1");
        foreach (var (value, name) in (ValueTuple<float, string>[])[(MatchIoU, nameof(MatchIoU)), (LowMatchIoU, nameof(LowMatchIoU)), (TentativeMatchIoU, nameof(TentativeMatchIoU))])
        {
            if (!(value > 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be more than 0 and at most 1");
            }
        }

        if (!(TentativeBuffer >= 0 && TentativeBuffer <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TentativeBuffer), TentativeBuffer, "TentativeBuffer must be from 0 to 1 (a fraction of the box on every side, per frame)");
        }

        if (MinHits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinHits), MinHits, "MinHits must be at least 1 detection");
        }

        if (MaxAge < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAge), MaxAge, "MaxAge must be 0 or more frames");
        }

        if (!(SizeSmoothing >= 0 && SizeSmoothing < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SizeSmoothing), SizeSmoothing, "SizeSmoothing must be from 0 up to (not including) 1");
        }
    }

    private static void Range(float value, float low, float high, string name, string expected)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {expected}");
        }
    }
}
