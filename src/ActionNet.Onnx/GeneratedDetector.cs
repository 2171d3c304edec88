namespace ActionNet.Onnx;

/// <summary>
/// A detector written by <see cref="DetectorGenerator"/>: the ONNX file, the labels file next to it
/// (<c>&lt;name&gt;.labels.txt</c>, one class per line in coverage-plane order) and the spec it was made from.
/// </summary>
public sealed record GeneratedDetector(string OnnxPath, string LabelsPath, DetectorSpec Spec);
