using ActionNet.Abstractions.History;

namespace ActionNet.Grains.History;

/// <summary>
/// One camera's labelling: each scored window yields an <see cref="ActionEvent"/> whose probabilities are the
/// mean of the last K windows' of the same track (the whole frame is one track; in person mode every tracked
/// person is averaged on their own), fewer at a track's start. Windows must arrive in sequence order; a track
/// whose last window ended more than <see cref="LabelSegment.TrackIdleSeconds"/> before a newer window started
/// is forgotten (track ids never come back). Not thread-safe.
/// </summary>
public sealed class LabelAggregator
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(LabelSegment.TrackIdleSeconds);
    private readonly Dictionary<string, TrackMean> tracks = new(StringComparer.Ordinal);
    private readonly int windowsAveraged;

    /// <summary>Averages over <paramref name="windowsAveraged"/> windows per track for camera <paramref name="cameraId"/>.</summary>
    public LabelAggregator(string cameraId, int windowsAveraged)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowsAveraged);
        CameraId = cameraId;
        this.windowsAveraged = windowsAveraged;
    }

    /// <summary>The camera labelled.</summary>
    public string CameraId { get; }

    /// <summary>Tracks being averaged now (the whole frame counts as one).</summary>
    public int Tracks => tracks.Count;

    /// <summary>Adds one window and returns its event.</summary>
    public ActionEvent Add(ScoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var probabilities = window.Result.Probabilities;
        if (probabilities.Length == 0 || probabilities.Length != window.Result.Labels.Length)
        {
            throw new ArgumentException($"window {CameraId}#{window.Window.Sequence} has {probabilities.Length} probabilities for {window.Result.Labels.Length} labels", nameof(window));
        }

        var header = window.Window;
        foreach (var key in tracks.Where(t => header.FirstFrameAt - t.Value.LastEnd > Idle).Select(t => t.Key).ToList())
        {
            tracks.Remove(key);
        }

        var trackKey = header.TrackId ?? "";
        if (!tracks.TryGetValue(trackKey, out var track))
        {
            track = new TrackMean();
            tracks[trackKey] = track;
        }

        var mean = track.Add(probabilities, windowsAveraged);
        track.LastEnd = header.LastFrameAt;
        var best = 0;
        for (var i = 1; i < mean.Length; i++)
        {
            if (mean[i] > mean[best])
            {
                best = i;
            }
        }

        return new ActionEvent
        {
            CameraId = CameraId,
            Sequence = header.Sequence,
            Start = header.FirstFrameAt,
            End = header.LastFrameAt,
            Label = window.Result.Labels[best],
            Confidence = mean[best],
            Probabilities = mean,
            Labels = window.Result.Labels,
            Model = window.Result.Model,
            Silo = window.Result.Silo,
            TrackId = header.TrackId,
            Box = header.Box,
        };
    }

    private sealed class TrackMean
    {
        private readonly Queue<float[]> recent = new();

        public DateTimeOffset LastEnd { get; set; }

        public float[] Add(float[] probabilities, int windowsAveraged)
        {
            // A model with another class count (a changed profile) starts a fresh average.
            if (recent.Count > 0 && recent.Peek().Length != probabilities.Length)
            {
                recent.Clear();
            }

            recent.Enqueue(probabilities);
            while (recent.Count > windowsAveraged)
            {
                recent.Dequeue();
            }

            var mean = new float[probabilities.Length];
            foreach (var row in recent)
            {
                for (var i = 0; i < mean.Length; i++)
                {
                    mean[i] += row[i];
                }
            }

            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] /= recent.Count;
            }

            return mean;
        }
    }
}
