namespace ActionNet.Drills;

/// <summary>A drill waited for something that did not happen in time; the message says what, the last value seen, and the silo log tails.</summary>
public sealed class DrillTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DrillTimeoutException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public DrillTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public DrillTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
