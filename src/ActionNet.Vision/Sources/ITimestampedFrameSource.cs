namespace ActionNet.Vision.Sources;

/// <summary>
/// An <see cref="IFrameSource"/> that says when its last frame arrived and where it sits in the
/// stream's own timeline, so a camera can stamp labels with real times and spot gaps. Read from the
/// reading thread right after <see cref="IFrameSource.Read"/> returns true.
/// </summary>
public interface ITimestampedFrameSource : IFrameSource
{
    /// <summary>Wall-clock time (UTC) the last frame was fully received; null before the first frame.</summary>
    DateTimeOffset? LastFrameArrivedAt { get; }

    /// <summary>
    /// The last frame's presentation time in the stream (seconds since the stream's start as the decoder
    /// reports it); null before the first frame or when the stream carries no timestamps.
    /// </summary>
    TimeSpan? LastFrameStreamTime { get; }
}
