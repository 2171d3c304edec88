namespace ActionNet.Onnx;

/// <summary>
/// A model written by <see cref="ModelGenerator"/>: the ONNX file, the labels file next to it
/// (<c>&lt;name&gt;.labels.txt</c>, one label per line in class-index order; null if none was written)
/// and the spec it was made from, with <see cref="ModelSpec.Classes"/> set to the real class count.
/// </summary>
public sealed record GeneratedModel(string OnnxPath, string? LabelsPath, ModelSpec Spec);
