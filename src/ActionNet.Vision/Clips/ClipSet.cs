using ActionNet.Vision.Sources;

namespace ActionNet.Vision.Clips;

/// <summary>The clips cut from one video or frame folder, with what the source held.</summary>
/// <param name="Clips">The clips in sampling order (for conv mode, average their softmax).</param>
/// <param name="SourceFrames">RGB frames the source held (for a folder of flow only, its flow frames).</param>
/// <param name="Decode">How decoding went, for a video file; null for a frame folder or in-memory frames.</param>
public sealed record ClipSet(IReadOnlyList<ClipInput> Clips, int SourceFrames, DecodeReport? Decode);
