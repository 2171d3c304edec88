namespace ActionNet.Vision.Sources;

/// <summary>Where a <see cref="ReconnectingFrameSource"/> stands.</summary>
public enum StreamState
{
    /// <summary>Opening the stream for the first time.</summary>
    Connecting,

    /// <summary>Frames are arriving.</summary>
    Streaming,

    /// <summary>The stream was lost or an attempt failed; waiting out the backoff or opening it again.</summary>
    Reconnecting,

    /// <summary>Gave up: a permanent fault (bad credentials, wrong path, bad file) or too many attempts. See the last error.</summary>
    Failed,

    /// <summary>A finite source (a local file) reached its end.</summary>
    Ended,

    /// <summary>Stopped by cancellation or disposal.</summary>
    Stopped,
}
