using ActionNet.Vision.Detection;

namespace ActionNet.Inference.Detection;

/// <summary>
/// Turns one frame's DetectNet_v2 outputs into detections in source pixels, exactly as DeepStream's built-in
/// parser does (<c>DetectPostprocessor::parseBoundingBox</c> in <c>nvdsinfer_context_impl_output_parsing.cpp</c>,
/// the same arithmetic as <c>NvDsInferParseCustomResnet</c> in <c>nvdsinfer_custombboxparser.cpp</c>):
/// <c>strideX = ceil(W / Gw)</c>, <c>strideY = ceil(H / Gh)</c>, <c>bboxNorm = 35</c>, cell centres
/// <c>cx[w] = (w * strideX + 0.5) / 35</c> and <c>cy[h] = (h * strideY + 0.5) / 35</c>; for every cell whose coverage
/// of class c is at least c's pre-cluster threshold, <c>x1 = (o[4c] - cx) * -35</c>, <c>y1 = (o[4c+1] - cy) * -35</c>,
/// <c>x2 = (o[4c+2] + cx) * 35</c>, <c>y2 = (o[4c+3] + cy) * 35</c>, each clipped to [0, W - 1] or [0, H - 1] (a box
/// whose corners cross after clipping is dropped), confidence = coverage. The candidates of each class are then
/// clustered by <see cref="DetectorOptions.ClusterMode"/>, and boxes are scaled to the source frame by the factors
/// the frame was scaled with (source width / W, source height / H), as gst-nvinfer does without letterboxing.
/// Pure arithmetic: no ONNX Runtime. Not thread-safe; one instance per stream.
/// </summary>
public sealed class DetectNetV2Decoder
{
    /// <summary>DetectNet_v2's box normaliser (<c>bboxNorm</c>), fixed at training time (TAO's <c>bbox scale: 35.0</c>).</summary>
    public const float BoxNorm = 35f;

    private readonly DetectorContract contract;
    private readonly DetectorOptions options;
    private readonly float[] centersX;
    private readonly float[] centersY;
    private readonly int[] classes;
    private readonly float[] thresholds;
    private readonly List<DetectionCandidate> candidates = [];

    /// <summary>Creates a decoder for a detector's geometry and labels, with the given thresholds and clustering.</summary>
    /// <exception cref="ArgumentException">The options are invalid, or name a class the detector does not have.</exception>
    public DetectNetV2Decoder(DetectorContract contract, DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        var unknown = (options.Classes ?? []).Where(c => !contract.Labels.Contains(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"the detector has no class {string.Join(", ", unknown.Select(c => $"'{c}'"))}: expected any of {string.Join(", ", contract.Labels)}", nameof(options));
        }

        this.contract = contract;
        this.options = options;

        // DeepStream: gcCenters[i] = (float)(i * stride + 0.5); gcCenters[i] /= (float)bboxNorm.
        centersX = [.. Enumerable.Range(0, contract.GridWidth).Select(w => (float)((w * contract.StrideX) + 0.5) / BoxNorm)];
        centersY = [.. Enumerable.Range(0, contract.GridHeight).Select(h => (float)((h * contract.StrideY) + 0.5) / BoxNorm)];
        classes = [.. Enumerable.Range(0, contract.ClassCount).Where(c => options.Classes is null || options.Classes.Contains(contract.Labels[c]))];
        thresholds = [.. contract.Labels.Select(options.ThresholdFor)];
    }

    /// <summary>
    /// Decodes one frame: <paramref name="coverage"/> holds its C x Gh x Gw coverage values and <paramref name="boxes"/>
    /// its 4C x Gh x Gw box offsets (NCHW, batch item n sliced out); boxes come back in pixels of a
    /// <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/> frame, grouped by class in label order.
    /// </summary>
    public IReadOnlyList<PersonDetection> Decode(ReadOnlySpan<float> coverage, ReadOnlySpan<float> boxes, int sourceWidth, int sourceHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        if (coverage.Length != contract.CoverageElements || boxes.Length != contract.BoxElements)
        {
            throw new ArgumentException(
                $"one frame of this detector has {contract.CoverageElements} coverage and {contract.BoxElements} box values; got {coverage.Length} and {boxes.Length}");
        }

        var scaleX = (float)sourceWidth / contract.Width;
        var scaleY = (float)sourceHeight / contract.Height;
        var detections = new List<PersonDetection>();
        foreach (var c in classes)
        {
            Propose(c, coverage, boxes);
            foreach (var box in Cluster(candidates))
            {
                var network = new PixelBox(box.Left, box.Top, box.Right, box.Bottom);
                detections.Add(new PersonDetection(contract.Labels[c], box.Confidence, network.Scale(scaleX, scaleY)));
            }
        }

        return detections;
    }

    private void Propose(int c, ReadOnlySpan<float> coverage, ReadOnlySpan<float> boxes)
    {
        candidates.Clear();
        var grid = contract.GridHeight * contract.GridWidth;
        var plane = coverage.Slice(c * grid, grid);
        var x1s = boxes.Slice(4 * c * grid, grid);
        var y1s = boxes.Slice(((4 * c) + 1) * grid, grid);
        var x2s = boxes.Slice(((4 * c) + 2) * grid, grid);
        var y2s = boxes.Slice(((4 * c) + 3) * grid, grid);
        var threshold = thresholds[c];
        for (var h = 0; h < contract.GridHeight; h++)
        {
            for (var w = 0; w < contract.GridWidth; w++)
            {
                var i = w + (h * contract.GridWidth);
                var confidence = plane[i];
                if (confidence < threshold)
                {
                    continue;
                }

                var x1 = Clip((x1s[i] - centersX[w]) * -BoxNorm, contract.Width);
                var y1 = Clip((y1s[i] - centersY[h]) * -BoxNorm, contract.Height);
                var x2 = Clip((x2s[i] + centersX[w]) * BoxNorm, contract.Width);
                var y2 = Clip((y2s[i] + centersY[h]) * BoxNorm, contract.Height);
                if (x2 - x1 < 0 || y2 - y1 < 0)
                {
                    continue;
                }

                candidates.Add(new DetectionCandidate(x1, y1, x2 - x1, y2 - y1, confidence));
            }
        }
    }

    private List<DetectionCandidate> Cluster(List<DetectionCandidate> proposed) => options.ClusterMode switch
    {
        ClusterMode.Nms => NonMaximumSuppression.Cluster(proposed, options.NmsIouThreshold, options.PostClusterThreshold, options.TopK),
        ClusterMode.Dbscan => NonMaximumSuppression.TopK(PostClusterDbscan(proposed), options.TopK),
        ClusterMode.DbscanNmsHybrid => NonMaximumSuppression.Cluster(
            options.DbscanMinBoxes > 0 ? DbscanClustering.Clustered(proposed, options.DbscanEps, options.DbscanMinBoxes) : proposed,
            options.NmsIouThreshold, options.PostClusterThreshold, options.TopK),
        ClusterMode.GroupRectangles => RectangleGrouping.Group(proposed, options.GroupThreshold, options.GroupEps),
        _ => NonMaximumSuppression.TopK([.. proposed], options.TopK),
    };

    // DeepStream skips DBSCAN when minBoxes is 0, then drops clusters under the post-cluster threshold.
    private List<DetectionCandidate> PostClusterDbscan(List<DetectionCandidate> proposed)
    {
        var clustered = options.DbscanMinBoxes > 0
            ? DbscanClustering.Cluster(proposed, options.DbscanEps, options.DbscanMinBoxes, options.DbscanMinScore)
            : [.. proposed];
        clustered.RemoveAll(c => c.Confidence < options.PostClusterThreshold);
        return clustered;
    }

    // DeepStream: a coordinate at or past the frame's size becomes size - 1; a negative one becomes 0.
    private static float Clip(float value, int size) => value >= size ? size - 1 : value < 0 ? 0 : value;
}
