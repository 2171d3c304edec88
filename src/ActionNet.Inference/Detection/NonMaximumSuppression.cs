namespace ActionNet.Inference.Detection;

/// <summary>
/// DeepStream's NMS clustering of one class (<c>DetectPostprocessor::clusterAndFillDetectionOutputNMS</c> and
/// <c>nonMaximumSuppression</c> in <c>nvdsinfer_context_impl_output_parsing.cpp</c>): candidates stably sorted by
/// confidence, each kept when its IoU with every box kept so far is at most the threshold; then only confidences
/// above the post-cluster threshold, then the top K.
/// </summary>
internal static class NonMaximumSuppression
{
    public static List<DetectionCandidate> Cluster(List<DetectionCandidate> candidates, float iouThreshold, float postClusterThreshold, int topK)
    {
        var sorted = SortedByConfidence(candidates);
        var kept = new List<DetectionCandidate>();
        foreach (var candidate in sorted)
        {
            var keep = true;
            foreach (var other in kept)
            {
                if (IoU(candidate, other) > iouThreshold)
                {
                    keep = false;
                    break;
                }
            }

            if (keep)
            {
                kept.Add(candidate);
            }
        }

        kept.RemoveAll(c => !(c.Confidence > postClusterThreshold));
        return TopK(kept, topK);
    }

    /// <summary>DeepStream's <c>filterTopKOutputs</c>: a stable sort by confidence, cut to K (-1 keeps all).</summary>
    public static List<DetectionCandidate> TopK(List<DetectionCandidate> candidates, int topK)
    {
        if (topK < 0)
        {
            return candidates;
        }

        var sorted = SortedByConfidence(candidates);
        return sorted.Count <= topK ? sorted : sorted.GetRange(0, topK);
    }

    /// <summary>IoU as DeepStream computes it: 1D overlaps of [left, left + width] and [top, top + height]; 0 for an empty union.</summary>
    public static float IoU(DetectionCandidate a, DetectionCandidate b)
    {
        var overlap = Overlap(a.Left, a.Right, b.Left, b.Right) * Overlap(a.Top, a.Bottom, b.Top, b.Bottom);
        var union = a.Area + b.Area - overlap;
        return union == 0 ? 0 : overlap / union;
    }

    private static float Overlap(float min1, float max1, float min2, float max2)
    {
        if (min1 > min2)
        {
            (min1, min2) = (min2, min1);
            (max1, max2) = (max2, max1);
        }

        return max1 < min2 ? 0 : Math.Min(max1, max2) - min2;
    }

    // List.Sort is not stable; OrderByDescending is, as std::stable_sort is.
    private static List<DetectionCandidate> SortedByConfidence(List<DetectionCandidate> candidates) =>
        [.. candidates.OrderByDescending(c => c.Confidence)];
}
