namespace ActionNet.Inference.Detection;

/// <summary>
/// What a PeopleNet-style (TAO DetectNet_v2) detector expects and returns, read from its ONNX graph: the input
/// [N, 3, H, W] (RGB, x/255), coverage [N, C, Gh, Gw] and boxes [N, 4C, Gh, Gw], and the C class labels.
/// </summary>
/// <param name="InputName">The input tensor, <c>input_1:0</c>.</param>
/// <param name="CoverageName">The coverage output, <c>output_cov/Sigmoid:0</c>.</param>
/// <param name="BoxesName">The box output, <c>output_bbox/BiasAdd:0</c>.</param>
/// <param name="Height">Network input height H in pixels (544 for PeopleNet).</param>
/// <param name="Width">Network input width W in pixels (960 for PeopleNet).</param>
/// <param name="GridHeight">Gh, output grid rows (34 for PeopleNet).</param>
/// <param name="GridWidth">Gw, output grid columns (60 for PeopleNet).</param>
/// <param name="Labels">Class names by coverage plane; their count is C.</param>
/// <param name="FixedBatch">The batch size when the graph fixes it (1), null when the batch axis is dynamic.</param>
public sealed record DetectorContract(
    string InputName,
    string CoverageName,
    string BoxesName,
    int Height,
    int Width,
    int GridHeight,
    int GridWidth,
    IReadOnlyList<string> Labels,
    int? FixedBatch)
{
    /// <summary>PeopleNet's classes in coverage-plane order, used when a 3-class detector has no labels file.</summary>
    public static IReadOnlyList<string> DefaultLabels { get; } = ["person", "bag", "face"];

    /// <summary>C, the number of classes.</summary>
    public int ClassCount => Labels.Count;

    /// <summary>Network pixels per grid column, DeepStream's <c>ceil(W / Gw)</c> (16 for PeopleNet).</summary>
    public int StrideX => (Width + GridWidth - 1) / GridWidth;

    /// <summary>Network pixels per grid row, DeepStream's <c>ceil(H / Gh)</c> (16 for PeopleNet).</summary>
    public int StrideY => (Height + GridHeight - 1) / GridHeight;

    /// <summary>Floats of one frame's input: 3 * H * W.</summary>
    public int InputElements => 3 * Height * Width;

    /// <summary>Floats of one frame's coverage: C * Gh * Gw.</summary>
    public int CoverageElements => ClassCount * GridHeight * GridWidth;

    /// <summary>Floats of one frame's boxes: 4 * C * Gh * Gw.</summary>
    public int BoxElements => 4 * CoverageElements;
}
