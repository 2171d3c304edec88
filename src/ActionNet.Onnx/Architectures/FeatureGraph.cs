using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// The building blocks the demo models' fixed feature extractors share: maps over [N, T, H, W] (one
/// plane per frame), their per-frame moments, means and trends over time, and named nodes and
/// constants. Time is axis 1 throughout, so a per-frame quantity is [N, T] and keeps its frame index.
/// </summary>
internal abstract class FeatureGraph
{
    protected FeatureGraph(OnnxGraphBuilder builder, int frames, int height, int width)
    {
        Builder = builder;
        Frames = frames;
        Height = height;
        Width = width;
    }

    protected OnnxGraphBuilder Builder { get; }

    protected int Frames { get; }

    protected int Height { get; }

    protected int Width { get; }

    /// <summary>The per-frame moments of a non-negative map [N, T', H, W].</summary>
    protected MapMoments Moments(string map, string scope)
    {
        var xs = Coordinates(Width);
        var ys = Coordinates(Height);
        var gx = GridX(scope + "_grid_x");
        var gy = GridY(scope + "_grid_y");
        var gx2 = Builder.AddInitializer(Builder.UniqueName(scope + "_grid_x2"), [1, 1, 1, Width], xs.Select(v => v * v).ToArray());
        var gy2 = Builder.AddInitializer(Builder.UniqueName(scope + "_grid_y2"), [1, 1, Height, 1], ys.Select(v => v * v).ToArray());

        var total = SpatialSum(map, scope + "_sum");
        var mass = Node("Mul", [total, Scalar(1f / (Height * Width))], scope + "_mass");
        var denominator = Add(total, Scalar(1f));
        var cx = Div(SpatialSum(Node("Mul", [map, gx], scope + "_mx"), scope + "_sx"), denominator);
        var cy = Div(SpatialSum(Node("Mul", [map, gy], scope + "_my"), scope + "_sy"), denominator);
        var ex2 = Div(SpatialSum(Node("Mul", [map, gx2], scope + "_mx2"), scope + "_sx2"), denominator);
        var ey2 = Div(SpatialSum(Node("Mul", [map, gy2], scope + "_my2"), scope + "_sy2"), denominator);
        var sx = Node("Sqrt", [Add(Node("Relu", [Node("Sub", [ex2, Square(cx)], scope + "_vx")], scope + "_vx_pos"), Scalar(1e-6f))], scope + "_spread_x");
        var sy = Node("Sqrt", [Add(Node("Relu", [Node("Sub", [ey2, Square(cy)], scope + "_vy")], scope + "_vy_pos"), Scalar(1e-6f))], scope + "_spread_y");
        return new MapMoments(mass, cx, cy, sx, sy);
    }

    /// <summary>The column coordinates on the [-1, 1] grid, [1, 1, 1, W].</summary>
    protected string GridX(string name) => Builder.AddInitializer(Builder.UniqueName(name), [1, 1, 1, Width], Coordinates(Width));

    /// <summary>The row coordinates on the [-1, 1] grid, [1, 1, H, 1].</summary>
    protected string GridY(string name) => Builder.AddInitializer(Builder.UniqueName(name), [1, 1, Height, 1], Coordinates(Height));

    /// <summary>Drops the outer row and column on each side (axes 2 and 3), unless told to keep rows or columns (already 2 shorter).</summary>
    protected string Crop(string x, string name, bool cropRows = true, bool cropCols = true)
    {
        var y = cropRows ? Slice(x, 2, 1, Height - 1, name + "_rows") : x;
        return cropCols ? Slice(y, 3, 1, Width - 1, name + "_cols") : y;
    }

    /// <summary>Mean of the second half of the frames minus mean of the first half: the sign flips when the clip is reversed.</summary>
    protected string Trend(string x, int length)
    {
        var half = length / 2;
        var first = Mean(SliceFrames(x, 0, half, "first_half"));
        var second = Mean(SliceFrames(x, length - half, length, "second_half"));
        return Node("Sub", [second, first], "trend");
    }

    protected string Threshold(string x, float threshold, string name) => Node("Relu", [Node("Sub", [x, Scalar(threshold)], name + "_shifted")], name);

    protected string Slice(string x, int axis, int start, int end, string name) =>
        Node("Slice", [x, Longs(name + "_starts", [start]), Longs(name + "_ends", [end]), Longs(name + "_axes", [axis])], name);

    protected string SliceFrames(string x, int start, int end, string name) =>
        Node("Slice", [x, Longs(name + "_starts", [start]), Longs(name + "_ends", [end]), Longs(name + "_axes", [1])], name);

    protected string Diff(string x, int length, string name) =>
        Node("Sub", [SliceFrames(x, 1, length, name + "_next"), SliceFrames(x, 0, length - 1, name + "_prev")], name);

    protected string SpatialSum(string x, string name) => Node("ReduceSum", [x, Longs(name + "_axes", [2, 3])], name, NodeAttribute.Int("keepdims", 0));

    protected string Mean(string x) => Node("ReduceMean", [x], "time_mean", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1));

    protected string Square(string x) => Node("Mul", [x, x], "square");

    protected string Add(string a, string b) => Node("Add", [a, b], "add");

    protected string Div(string a, string b) => Node("Div", [a, b], "div");

    protected string Scalar(float value) => Builder.AddInitializer(Builder.UniqueName("const"), [1], [value]);

    protected string Longs(string name, long[] values) => Builder.AddInitializer(Builder.UniqueName(name), [values.Length], values);

    protected string Node(string op, IReadOnlyList<string> inputs, string name, params NodeAttribute[] attributes) =>
        Builder.AddNode(op, inputs, Builder.UniqueName(name), attributes);

    private static float[] Coordinates(int size) => [.. Enumerable.Range(0, size).Select(i => size == 1 ? 0f : (2f * i / (size - 1)) - 1f)];
}
