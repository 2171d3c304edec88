namespace ActionNet.Inference.Scoring;

/// <summary>
/// Combines clip scores into one video score the way TAO's "conv" evaluation does: the mean of each
/// clip's softmax, then argmax. (TAO's loader counts its first clip twice; this does not.)
/// </summary>
public static class ScoreAggregation
{
    /// <summary>Averages the clips' probabilities and names the winning label.</summary>
    /// <param name="clips">At least one clip, each with as many probabilities as there are labels.</param>
    /// <param name="labels">Class names by index.</param>
    public static VideoScore Mean(IReadOnlyList<ClipScores> clips, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(labels);
        if (clips.Count == 0)
        {
            throw new ArgumentException("a video score needs at least one clip", nameof(clips));
        }

        var mean = new double[labels.Count];
        foreach (var clip in clips)
        {
            if (clip.Probabilities.Length != labels.Count)
            {
                throw new ArgumentException($"a clip has {clip.Probabilities.Length} probabilities; expected {labels.Count}, one per label", nameof(clips));
            }

            for (var k = 0; k < mean.Length; k++)
            {
                mean[k] += clip.Probabilities[k];
            }
        }

        var probabilities = mean.Select(sum => (float)(sum / clips.Count)).ToArray();
        var top = Softmax.ArgMax(probabilities);
        return new VideoScore(probabilities, top, labels[top], clips.Count);
    }
}
