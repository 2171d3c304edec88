namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Preprocessing cost at one source resolution, single-threaded: milliseconds per frame for each
/// stage and frames per second for the whole path (decode + resize + RGB + normalise + pack).
/// </summary>
/// <param name="Resolution">Source frame size, e.g. "320x240".</param>
/// <param name="Frames">Frames timed.</param>
/// <param name="DecodeMs">Decode, per frame.</param>
/// <param name="ResizeRgbMs">Resize to model resolution and BGR to RGB, per frame.</param>
/// <param name="NormalisePackMs">Normalise and pack into the model's float layout, per frame (one window of T frames packed every T frames).</param>
/// <param name="PackPerWindowMs">Normalise and pack one whole window of T frames.</param>
/// <param name="TotalMs">All stages, per frame.</param>
/// <param name="FramesPerSecond">1000 / TotalMs.</param>
/// <param name="ManagedBytesPerFrame">Managed bytes allocated per frame on the hot path (decode excluded).</param>
public sealed record PreprocessResult(
    string Resolution,
    int Frames,
    double DecodeMs,
    double ResizeRgbMs,
    double NormalisePackMs,
    double PackPerWindowMs,
    double TotalMs,
    double FramesPerSecond,
    double ManagedBytesPerFrame);
