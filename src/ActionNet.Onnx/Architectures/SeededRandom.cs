namespace ActionNet.Onnx.Architectures;

/// <summary>
/// SplitMix64: a tiny PRNG whose output is fixed by its seed on every platform and runtime version,
/// so the same spec always gives byte-identical weights (System.Random makes no such promise).
/// </summary>
internal sealed class SeededRandom(long seed)
{
    private ulong state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL);

    /// <summary>Uniform in [0, 1) with 24 bits of precision.</summary>
    public float NextFloat()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        var z = state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 40) * (1.0f / (1 << 24));
    }

    /// <summary>Uniform in [low, high).</summary>
    public float NextFloat(float low, float high) => low + (high - low) * NextFloat();

    /// <summary>Fills <paramref name="values"/> uniformly in [-bound, bound).</summary>
    public void FillUniform(Span<float> values, float bound)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (2f * NextFloat() - 1f) * bound;
        }
    }
}
