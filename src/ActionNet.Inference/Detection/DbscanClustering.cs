namespace ActionNet.Inference.Detection;

/// <summary>
/// DeepStream's DBSCAN clustering of one class, ported from NVIDIA's <c>NvDsInferDBScan::clusterObjects</c>
/// (published in NVIDIA-ISAAC-ROS/isaac_ros_object_detection, <c>gxf_isaac_detectnet/gxf/deepstream_utils/
/// nvdsinferutils/dbscan/nvdsinfer_dbscan.cpp</c>, Apache-2.0), including its quirks:
/// <list type="bullet">
/// <item>distance is 1 - IoU; boxes closer than eps are neighbours; a box with neighbours + 1 >= minBoxes is a core box;</item>
/// <item>a cluster grows one hop only: a core box takes its unvisited core neighbours, and their neighbours are never
/// visited from it (the loop bound is read before neighbours are merged); border boxes stay unlabelled;</item>
/// <item>a cluster's box is the coverage-weighted mean of its members' left, top, width and height, its confidence the
/// members' maximum; clusters whose summed coverage is under minScore are dropped, and so are clusters failing the
/// area-to-hit-ratio filter that DeepStream always enables: sqrt(area) / (members + 1) > 60.</item>
/// </list>
/// </summary>
internal static class DbscanClustering
{
    // DeepStream's nvdsinfer_context_impl_output_parsing.cpp: ATHR_ENABLED = true, ATHR_THRESHOLD = 60.0.
    private const float AreaToHitRatioThreshold = 60f;

    /// <summary>Clusters <paramref name="candidates"/> into one box per dense region.</summary>
    public static List<DetectionCandidate> Cluster(List<DetectionCandidate> candidates, float eps, int minBoxes, float minScore)
    {
        var (labels, clusters) = Label(candidates, eps, minBoxes);
        var result = new List<DetectionCandidate>(clusters);
        for (var cluster = 0; cluster < clusters; cluster++)
        {
            float x = 0, y = 0, width = 0, height = 0, total = 0, maximum = 0;

            // DeepStream starts the member count at 1 before counting the members, so the filter divides by members + 1.
            var elements = 1;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (labels[i] != cluster)
                {
                    continue;
                }

                var c = candidates[i];
                maximum = Math.Max(maximum, c.Confidence);
                total += c.Confidence;
                x += c.Confidence * c.Left;
                y += c.Confidence * c.Top;
                width += c.Confidence * c.Width;
                height += c.Confidence * c.Height;
                elements++;
            }

            if (total < minScore)
            {
                continue;
            }

            var box = new DetectionCandidate(x / total, y / total, width / total, height / total, maximum);
            if (MathF.Sqrt(box.Width * box.Height) / elements > AreaToHitRatioThreshold)
            {
                continue;
            }

            result.Add(box);
        }

        return result;
    }

    /// <summary>The hybrid mode's first step: the candidates DBSCAN puts in a cluster, unchanged and in order, for NMS to pick from.</summary>
    public static List<DetectionCandidate> Clustered(List<DetectionCandidate> candidates, float eps, int minBoxes)
    {
        var (labels, _) = Label(candidates, eps, minBoxes);
        return [.. candidates.Where((_, i) => labels[i] != -1)];
    }

    private static (int[] Labels, int Clusters) Label(List<DetectionCandidate> candidates, float eps, int minBoxes)
    {
        var count = candidates.Count;
        var labels = new int[count];
        Array.Fill(labels, -1);
        var visited = new bool[count];
        var clusters = 0;
        for (var i = 0; i < count; i++)
        {
            if (visited[i])
            {
                continue;
            }

            visited[i] = true;
            var neighbours = Neighbours(candidates, i, eps);
            if (neighbours.Count + 1 < minBoxes)
            {
                continue;
            }

            labels[i] = clusters;
            foreach (var j in neighbours)
            {
                if (visited[j])
                {
                    continue;
                }

                visited[j] = true;
                if (Neighbours(candidates, j, eps).Count + 1 >= minBoxes)
                {
                    labels[j] = clusters;
                }
            }

            clusters++;
        }

        return (labels, clusters);
    }

    private static List<int> Neighbours(List<DetectionCandidate> candidates, int index, float eps)
    {
        var neighbours = new List<int>();
        for (var j = 0; j < candidates.Count; j++)
        {
            if (j != index && Distance(candidates[index], candidates[j]) < eps)
            {
                neighbours.Add(j);
            }
        }

        return neighbours;
    }

    // nvdsinfer_dbscan.cpp's intersectionOverUnion returns 1 - IoU, with no guard for an empty union (NaN is never < eps).
    private static float Distance(DetectionCandidate a, DetectionCandidate b)
    {
        var width = Math.Max(0f, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));
        var height = Math.Max(0f, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));
        var intersection = width * height;
        return 1f - (intersection / (a.Area + b.Area - intersection));
    }
}
