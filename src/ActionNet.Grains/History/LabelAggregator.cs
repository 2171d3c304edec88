using ActionNet.Abstractions.History;

namespace ActionNet.Grains.History;

/// <summary>
/// One camera's labelling: each scored window yields an <see cref="ActionEvent"/> whose probabilities
/// are the mean of the last K windows' (fewer at the start), and label runs become
/// <see cref="LabelSegment"/>s, closed when the label changes. Windows must arrive in sequence order.
/// Not thread-safe.
/// </summary>
public sealed class LabelAggregator
{
    private readonly Queue<float[]> recent = new();
    private readonly int windowsAveraged;
    private OpenSegment? open;

    /// <summary>Averages over <paramref name="windowsAveraged"/> windows for camera <paramref name="cameraId"/>.</summary>
    public LabelAggregator(string cameraId, int windowsAveraged)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowsAveraged);
        CameraId = cameraId;
        this.windowsAveraged = windowsAveraged;
    }

    /// <summary>The camera labelled.</summary>
    public string CameraId { get; }

    /// <summary>
    /// Adds one window. Returns its event and the segment the event closed (when its label differs from
    /// the open segment's), or null.
    /// </summary>
    public (ActionEvent Event, LabelSegment? Closed) Add(ScoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var probabilities = window.Result.Probabilities;
        if (probabilities.Length == 0 || probabilities.Length != window.Result.Labels.Length)
        {
            throw new ArgumentException($"window {CameraId}#{window.Window.Sequence} has {probabilities.Length} probabilities for {window.Result.Labels.Length} labels", nameof(window));
        }

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

        var best = 0;
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] /= recent.Count;
            if (mean[i] > mean[best])
            {
                best = i;
            }
        }

        var header = window.Window;
        var action = new ActionEvent
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
        };

        LabelSegment? closed = null;
        if (open is not null && !string.Equals(open.Label, action.Label, StringComparison.Ordinal))
        {
            closed = open.ToSegment(CameraId);
            open = null;
        }

        open ??= new OpenSegment(action.Label, action.Start, action.Sequence);
        open.Extend(action);
        return (action, closed);
    }

    /// <summary>Closes and returns the open segment (at deactivation), or null when none.</summary>
    public LabelSegment? CloseOpenSegment()
    {
        var segment = open?.ToSegment(CameraId);
        open = null;
        return segment;
    }

    private sealed class OpenSegment(string label, DateTimeOffset start, long firstSequence)
    {
        private DateTimeOffset end;
        private long lastSequence;
        private double confidenceSum;
        private int events;

        public string Label => label;

        public void Extend(ActionEvent action)
        {
            end = events == 0 || action.End > end ? action.End : end;
            lastSequence = action.Sequence;
            confidenceSum += action.Confidence;
            events++;
        }

        public LabelSegment ToSegment(string cameraId) => new()
        {
            CameraId = cameraId,
            Label = label,
            Start = start,
            End = end,
            FirstSequence = firstSequence,
            LastSequence = lastSequence,
            MeanConfidence = events == 0 ? 0 : (float)(confidenceSum / events),
        };
    }
}
