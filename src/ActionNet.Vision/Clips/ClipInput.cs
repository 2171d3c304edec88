namespace ActionNet.Vision.Clips;

/// <summary>
/// Everything a model needs to score one clip: the RGB frames, the flow frames, or both (joint
/// models), plus the source frame indices the clip was cut from (for flow, the index of the first
/// frame of each pair).
/// </summary>
public sealed record ClipInput(IReadOnlyList<int> FrameIndices, ClipFrames? Rgb, ClipFrames? Flow);
