namespace ActionNet.Inference.Detection;

/// <summary>
/// DeepStream's group-rectangles clustering of one class (<c>clusterAndFillDetectionOutputCV</c>): the candidates
/// become integer rectangles (C++'s float-to-int conversion truncates) and go through OpenCV's
/// <c>cv::groupRectangles(rects, groupThreshold, eps)</c>, ported here from OpenCV's <c>cascadedetect.cpp</c>:
/// rectangles whose four edges differ by at most eps * (min width + min height) / 2 are equivalent; each class of
/// the transitive closure (<c>cv::partition</c>) becomes its members' mean rectangle, rounded; classes of at most
/// groupThreshold rectangles are dropped, and so are those inside a larger, better-supported one. DeepStream gives
/// grouped objects a confidence of -0.1; here a group carries its members' highest coverage so it stays in 0..1.
/// </summary>
internal static class RectangleGrouping
{
    public static List<DetectionCandidate> Group(List<DetectionCandidate> candidates, int groupThreshold, float eps)
    {
        var rects = candidates.Select(c => (X: (int)c.Left, Y: (int)c.Top, W: (int)c.Width, H: (int)c.Height)).ToArray();
        if (groupThreshold <= 0 || rects.Length == 0)
        {
            return [.. rects.Select((r, i) => new DetectionCandidate(r.X, r.Y, r.W, r.H, candidates[i].Confidence))];
        }

        var (labels, classes) = Partition(rects, eps);
        var sums = new (double X, double Y, double W, double H)[classes];
        var counts = new int[classes];
        var confidence = new float[classes];
        for (var i = 0; i < rects.Length; i++)
        {
            var c = labels[i];
            sums[c] = (sums[c].X + rects[i].X, sums[c].Y + rects[i].Y, sums[c].W + rects[i].W, sums[c].H + rects[i].H);
            counts[c]++;
            confidence[c] = Math.Max(confidence[c], candidates[i].Confidence);
        }

        // OpenCV accumulates in an int Rect and scales by a float 1/n, then saturate_cast rounds to nearest.
        var mean = new (int X, int Y, int W, int H)[classes];
        for (var c = 0; c < classes; c++)
        {
            var s = 1f / counts[c];
            mean[c] = (Round((float)sums[c].X * s), Round((float)sums[c].Y * s), Round((float)sums[c].W * s), Round((float)sums[c].H * s));
        }

        var result = new List<DetectionCandidate>();
        for (var i = 0; i < classes; i++)
        {
            var n1 = counts[i];
            if (n1 <= groupThreshold)
            {
                continue;
            }

            var r1 = mean[i];
            var inside = false;
            for (var j = 0; j < classes && !inside; j++)
            {
                var n2 = counts[j];
                if (j == i || n2 <= groupThreshold)
                {
                    continue;
                }

                var r2 = mean[j];
                var dx = Round(r2.W * (double)eps);
                var dy = Round(r2.H * (double)eps);
                inside = r1.X >= r2.X - dx && r1.Y >= r2.Y - dy
                    && r1.X + r1.W <= r2.X + r2.W + dx && r1.Y + r1.H <= r2.Y + r2.H + dy
                    && (n2 > Math.Max(3, n1) || n1 < 3);
            }

            if (!inside)
            {
                result.Add(new DetectionCandidate(r1.X, r1.Y, r1.W, r1.H, confidence[i]));
            }
        }

        return result;
    }

    // cv::partition with OpenCV's SimilarRects predicate: union-find, classes numbered in order of first member.
    private static (int[] Labels, int Classes) Partition((int X, int Y, int W, int H)[] rects, float eps)
    {
        var parent = Enumerable.Range(0, rects.Length).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        for (var i = 0; i < rects.Length; i++)
        {
            for (var j = i + 1; j < rects.Length; j++)
            {
                if (Similar(rects[i], rects[j], eps))
                {
                    parent[Root(j)] = Root(i);
                }
            }
        }

        var labels = new int[rects.Length];
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < rects.Length; i++)
        {
            var root = Root(i);
            if (!numbers.TryGetValue(root, out var number))
            {
                number = numbers.Count;
                numbers[root] = number;
            }

            labels[i] = number;
        }

        return (labels, numbers.Count);
    }

    private static bool Similar((int X, int Y, int W, int H) r1, (int X, int Y, int W, int H) r2, double eps)
    {
        var delta = eps * (Math.Min(r1.W, r2.W) + Math.Min(r1.H, r2.H)) * 0.5;
        return Math.Abs(r1.X - r2.X) <= delta && Math.Abs(r1.Y - r2.Y) <= delta
            && Math.Abs(r1.X + r1.W - r2.X - r2.W) <= delta && Math.Abs(r1.Y + r1.H - r2.Y - r2.H) <= delta;
    }

    // cv::saturate_cast<int> from float or double is cvRound: nearest, ties to even.
    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.ToEven);
}
