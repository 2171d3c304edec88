using ActionNet.Abstractions.History;

namespace ActionNet.Grains.History;

/// <summary>
/// One camera's labelling: each scored window yields an <see cref="ActionEvent"/> whose probabilities
/// are the mean of the last K windows' (fewer at the start). Windows must arrive in sequence order;
/// the store turns the events into label segments.
/// Not thread-safe.
/// </summary>
public sealed class LabelAggregator
{
    private readonly Queue<float[]> recent = new();
    private readonly int windowsAveraged;

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

    /// <summary>Adds one window and returns its event.</summary>
    public ActionEvent Add(ScoredWindow window)
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

        return action;
    }
}
