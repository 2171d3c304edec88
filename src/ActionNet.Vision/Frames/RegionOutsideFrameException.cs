namespace ActionNet.Vision.Frames;

/// <summary>
/// A camera's region of interest does not fit the frames its source delivers: the registration, not the
/// stream, is wrong, so the camera is Failed (retried slowly, in case the stream's size changes back).
/// </summary>
public sealed class RegionOutsideFrameException : ArgumentException
{
    /// <summary>Creates the exception with the one-line <paramref name="message"/> shown in the camera's status.</summary>
    public RegionOutsideFrameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public RegionOutsideFrameException()
        : base("the region of interest does not fit the frame")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public RegionOutsideFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
