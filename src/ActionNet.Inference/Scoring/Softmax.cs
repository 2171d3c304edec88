namespace ActionNet.Inference.Scoring;

/// <summary>
/// Numerically stable softmax (the maximum is subtracted before exponentiating, so large logits do
/// not overflow) and argmax. ActionRecognitionNet's <c>fc_pred</c> are raw logits.
/// </summary>
public static class Softmax
{
    /// <summary>Writes softmax(<paramref name="logits"/>) into <paramref name="probabilities"/>.</summary>
    public static void Compute(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        if (logits.IsEmpty)
        {
            throw new ArgumentException("softmax needs at least one logit", nameof(logits));
        }

        if (probabilities.Length < logits.Length)
        {
            throw new ArgumentException($"destination holds {probabilities.Length} values; expected {logits.Length}", nameof(probabilities));
        }

        var max = float.NegativeInfinity;
        foreach (var value in logits)
        {
            max = Math.Max(max, value);
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var e = MathF.Exp(logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }

        var scale = (float)(1.0 / sum);
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] *= scale;
        }
    }

    /// <summary>Returns softmax(<paramref name="logits"/>) as a new array.</summary>
    public static float[] Compute(ReadOnlySpan<float> logits)
    {
        var probabilities = new float[logits.Length];
        Compute(logits, probabilities);
        return probabilities;
    }

    /// <summary>Index of the largest value (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("argmax needs at least one value", nameof(values));
        }

        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
