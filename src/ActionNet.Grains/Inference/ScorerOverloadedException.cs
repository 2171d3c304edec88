namespace ActionNet.Grains.Inference;

/// <summary>A window was dropped before scoring: the silo's scorer for its profile had a full queue (demand above capacity).</summary>
public sealed class ScorerOverloadedException : Exception
{
    /// <summary>The queue held <paramref name="queued"/> windows.</summary>
    public ScorerOverloadedException(int queued)
        : base($"the scorer is saturated: {queued} windows were already waiting, so the oldest was dropped")
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public ScorerOverloadedException()
        : this(0)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ScorerOverloadedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ScorerOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
