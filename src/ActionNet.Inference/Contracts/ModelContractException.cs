namespace ActionNet.Inference.Contracts;

/// <summary>
/// An ONNX file (or its labels) does not follow the ActionRecognitionNet contract. The message is one
/// line that names the file, what was found and what was expected.
/// </summary>
public sealed class ModelContractException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ModelContractException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the error that caused it.</summary>
    public ModelContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelContractException()
        : base("the model does not follow the ActionRecognitionNet contract")
    {
    }
}
