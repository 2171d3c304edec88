namespace ActionNet.Evaluation;

/// <summary>A dataset that cannot be evaluated with a model at all; the message is one line naming what is wrong.</summary>
public sealed class DatasetEvaluationException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public DatasetEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public DatasetEvaluationException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public DatasetEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
