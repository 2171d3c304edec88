using ActionNet.Vision.Clips;
using ActionNet.Vision.Sources;

namespace ActionNet.Evaluation;

/// <summary>A classified video or frame folder: every clip's scores and the video's label (mean of the clips' softmax).</summary>
/// <param name="Source">The video file or clip folder.</param>
/// <param name="Mode">How clips were sampled.</param>
/// <param name="SourceFrames">Frames the source held (decoded frames for a video).</param>
/// <param name="Clips">Every scored clip, in sampling order.</param>
/// <param name="Labels">Class names by index.</param>
/// <param name="Probabilities">Mean of the clips' probabilities, by label index.</param>
/// <param name="Label">The most probable label.</param>
/// <param name="Decode">How decoding went for a video (null for a frame folder).</param>
public sealed record Classification(
    string Source,
    SamplingMode Mode,
    int SourceFrames,
    IReadOnlyList<ClipResult> Clips,
    IReadOnlyList<string> Labels,
    float[] Probabilities,
    string Label,
    DecodeReport? Decode)
{
    /// <summary>Probability of <see cref="Label"/>.</summary>
    public float Confidence => Probabilities.Max();
}
