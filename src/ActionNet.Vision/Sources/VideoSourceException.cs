namespace ActionNet.Vision.Sources;

/// <summary>
/// A video, image folder or dataset cannot be used. The message is one line naming the file and
/// what was expected, fit to show a user as it is.
/// </summary>
public sealed class VideoSourceException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public VideoSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public VideoSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// For stream sources: why the stream stopped, so a supervisor can tell faults worth a reconnect from
    /// permanent ones. <see cref="StreamFault.Unknown"/> for file and folder errors.
    /// </summary>
    public StreamFault Fault { get; init; }

    /// <summary>Creates the exception with a generic message.</summary>
    public VideoSourceException()
        : base("the video source cannot be read")
    {
    }
}
