namespace ActionNet.Inference.Scoring;

/// <summary>One clip's scores, indexed like the model's labels.</summary>
/// <param name="Logits">The raw <c>fc_pred</c> row, K values.</param>
/// <param name="Probabilities">Softmax of <paramref name="Logits"/>, K values summing to 1.</param>
public sealed record ClipScores(float[] Logits, float[] Probabilities)
{
    /// <summary>Index of the most probable class.</summary>
    public int TopIndex => Softmax.ArgMax(Probabilities);
}
