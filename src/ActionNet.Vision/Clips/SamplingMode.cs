namespace ActionNet.Vision.Clips;

/// <summary>
/// How clips of T frames are cut from a video for offline evaluation (TAO's <c>eval_mode</c>).
/// </summary>
public enum SamplingMode
{
    /// <summary>One clip from the middle: start = floor((F - T + 1) / 2).</summary>
    Center,

    /// <summary>Ten evenly spaced clips (TAO "conv"); the video's score is the mean of their softmax.</summary>
    Conv,

    /// <summary>Every non-overlapping clip: frames 0..T-1, T..2T-1, and so on.</summary>
    All,
}
