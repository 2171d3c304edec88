namespace ActionNet.Inference.Scoring;

/// <summary>A video's (or a run of windows') verdict: the mean of its clips' probabilities and the winner.</summary>
/// <param name="Probabilities">Mean softmax per class, indexed like the labels; sums to 1.</param>
/// <param name="TopIndex">Index of the most probable class.</param>
/// <param name="TopLabel">Name of that class.</param>
/// <param name="ClipCount">How many clips were averaged.</param>
public sealed record VideoScore(float[] Probabilities, int TopIndex, string TopLabel, int ClipCount)
{
    /// <summary>Probability of <see cref="TopLabel"/>.</summary>
    public float TopProbability => Probabilities[TopIndex];
}
