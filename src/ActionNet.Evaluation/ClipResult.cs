namespace ActionNet.Evaluation;

/// <summary>One scored clip: the source frames it was cut from, its raw logits, its softmax and its top label.</summary>
/// <param name="FrameIndices">Source frame indices (for flow models, the first frame of each pair).</param>
/// <param name="Logits">The model's <c>fc_pred</c> for the clip.</param>
/// <param name="Probabilities">Softmax of the logits, by label index.</param>
/// <param name="Label">The most probable label.</param>
public sealed record ClipResult(IReadOnlyList<int> FrameIndices, float[] Logits, float[] Probabilities, string Label);
