namespace ActionNet.Vision.Sources;

/// <summary>
/// A consistent snapshot of a <see cref="ReconnectingFrameSource"/>, safe to take from any thread (a
/// camera grain's status call while its ingest thread reads).
/// </summary>
/// <param name="Source">The URL with its password masked.</param>
/// <param name="State">Connecting, streaming, reconnecting, failed, ended or stopped.</param>
/// <param name="Reconnects">Times the stream was opened again after being lost (the first connection not counted).</param>
/// <param name="FailedAttempts">Failed attempts to open or keep the stream since it last streamed stably.</param>
/// <param name="LastError">The last failure, one line with the password masked; null when there was none.</param>
/// <param name="LastFault">The last failure's kind.</param>
/// <param name="FramesReceived">Frames delivered since the source was created, across reconnections.</param>
/// <param name="MeasuredFramesPerSecond">Input rate measured over the last frames (wall clock); 0 until two frames arrived.</param>
/// <param name="Width">Output frame width of the current connection; 0 before the first.</param>
/// <param name="Height">Output frame height of the current connection; 0 before the first.</param>
/// <param name="LastFrameArrivedAt">Wall-clock (UTC) arrival of the last frame; null before the first.</param>
/// <param name="LastFrameStreamTime">The last frame's presentation time in its connection's stream; null when unknown.</param>
/// <param name="StreamingSince">When the current connection delivered its first frame; null when not streaming.</param>
public sealed record StreamHealth(
    string Source,
    StreamState State,
    int Reconnects,
    int FailedAttempts,
    string? LastError,
    StreamFault? LastFault,
    long FramesReceived,
    double MeasuredFramesPerSecond,
    int Width,
    int Height,
    DateTimeOffset? LastFrameArrivedAt,
    TimeSpan? LastFrameStreamTime,
    DateTimeOffset? StreamingSince);
