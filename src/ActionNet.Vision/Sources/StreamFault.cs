namespace ActionNet.Vision.Sources;

/// <summary>
/// Why a stream source stopped, as far as the decoder's messages tell. A supervisor uses it to decide
/// between reconnecting (network faults heal) and giving up (credentials and paths do not fix themselves).
/// </summary>
public enum StreamFault
{
    /// <summary>Not classified: the decoder failed without a message the source recognises.</summary>
    Unknown,

    /// <summary>The stream ended (EOF); for a live camera this means the connection was lost.</summary>
    EndOfStream,

    /// <summary>No frame arrived within the stall timeout; the decoder was killed.</summary>
    Stalled,

    /// <summary>Nothing accepts connections on that host and port.</summary>
    ConnectionRefused,

    /// <summary>The host did not answer within the I/O timeout.</summary>
    TimedOut,

    /// <summary>The host name does not resolve for now (DNS unreachable) or the network has no route to it.</summary>
    HostUnreachable,

    /// <summary>The name service answered that the host name does not exist: it will not start to resolve by itself.</summary>
    UnknownHost,

    /// <summary>The server wants other credentials (RTSP/HTTP 401).</summary>
    Unauthorized,

    /// <summary>The credentials are valid but may not view this stream (403).</summary>
    Forbidden,

    /// <summary>The path does not exist on the server (404), or a local file is missing.</summary>
    NotFound,

    /// <summary>The server failed (5xx).</summary>
    ServerError,

    /// <summary>The data is not a decodable video: not a video stream, truncated or corrupt.</summary>
    InvalidData,

    /// <summary>The decoder process crashed or exited with an error mid-stream.</summary>
    DecoderFailed,
}
