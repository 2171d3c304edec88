using ActionNet.Vision.Detection;

namespace ActionNet.Vision.Tracking;

/// <summary>One person's track inside a <see cref="PersonTracker"/>: its Kalman filter, smoothed size and counters.</summary>
internal sealed class Track
{
    private readonly KalmanBoxFilter _filter;
    private readonly float _smoothing;
    private float _width;
    private float _height;

    public Track(int id, PersonDetection detection, TrackState state, float smoothing)
    {
        Id = id;
        _filter = new KalmanBoxFilter(detection.Box);
        _smoothing = smoothing;
        _width = detection.Box.Width;
        _height = detection.Box.Height;
        Confidence = detection.Confidence;
        Hits = 1;
        State = state;
    }

    public int Id { get; }

    public TrackState State { get; set; }

    public float Confidence { get; private set; }

    public int Hits { get; private set; }

    public int Age { get; private set; }

    public int FramesSinceSeen { get; private set; }

    public PixelBox Box => _filter.Box;

    /// <summary>One frame on: the filter predicts; a lost track holds its height.</summary>
    public void Predict()
    {
        _filter.Predict(holdHeight: State == TrackState.Lost);
        Age++;
        FramesSinceSeen++;
    }

    /// <summary>Matched <paramref name="detection"/> this frame (after <see cref="Predict"/>).</summary>
    public void Update(PersonDetection detection)
    {
        _filter.Update(detection.Box);
        Confidence = detection.Confidence;
        Hits++;
        FramesSinceSeen = 0;
    }

    /// <summary>Ends the frame: the smoothed size moves towards the filter's, once per frame.</summary>
    public void EndFrame()
    {
        var box = Box;
        _width = (_smoothing * _width) + ((1 - _smoothing) * box.Width);
        _height = (_smoothing * _height) + ((1 - _smoothing) * box.Height);
    }

    public TrackedPerson Snapshot()
    {
        var box = Box;
        return new TrackedPerson(Id, box, PixelBox.FromCenter(box.CenterX, box.CenterY, _width, _height), Confidence, Hits, Age, FramesSinceSeen, State);
    }
}
