namespace ActionNet.Vision.Sources;

/// <summary>
/// What decoding a whole video file achieved: frames decoded versus frames the container claims
/// (OpenCV's CAP_PROP_FRAME_COUNT, which some containers only estimate; 0 when unknown).
/// </summary>
/// <param name="Path">The video file.</param>
/// <param name="FramesDecoded">Frames actually decoded.</param>
/// <param name="FramesClaimed">Frames the container claims, 0 when it does not say.</param>
public sealed record DecodeReport(string Path, int FramesDecoded, int FramesClaimed)
{
    /// <summary>Decoding ended before the frame count the container claims: the rest is corrupt or truncated.</summary>
    public bool StoppedEarly => FramesClaimed > 0 && FramesDecoded < FramesClaimed;

    /// <summary>One line for a user, e.g. "decoded 37 of 128 frames; the rest is corrupt or truncated".</summary>
    public string Describe() => StoppedEarly
        ? $"decoded {FramesDecoded} of {FramesClaimed} frames; the rest is corrupt or truncated"
        : $"decoded {FramesDecoded} frames";
}
