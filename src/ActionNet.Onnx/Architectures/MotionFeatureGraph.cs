using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// A fixed (untrained) feature extractor over a 2D RGB clip [N, 3*T, H, W] in the contract's packed
/// order (channel c*T + t), normalised to [-1, 1]. Per frame it takes the luminance (mean of R, G, B),
/// blurs it 3x3, and builds two maps: foreground F_t = relu(|L_t - mean_t L| - 0.12) (what differs from
/// the clip's still background) and motion M_t = relu(|L_(t+1) - L_t| - 0.08). Of each map it measures
/// mass, centroid and spread per frame; from those, frame-ordered shape (aspect), vertical position and
/// velocity, clip-level speed relative to body size, motion-to-body ratio and bounce, and the trend
/// (second half minus first half) of height, shape and vertical position, and per frame pair the
/// Lucas-Kanade velocity of what moves (horizontal speed, signed vertical velocity). Every per-frame feature keeps
/// its frame index and every trend changes sign when time runs backwards, so a classifier on top can
/// tell a fall (tall, then wide and lower) from the same clip reversed in time.
/// </summary>
internal sealed class MotionFeatureGraph
{
    private const float ForegroundThreshold = 0.12f;
    private const float MotionThreshold = 0.08f;

    private readonly OnnxGraphBuilder _builder;
    private readonly int _frames;
    private readonly int _height;
    private readonly int _width;

    private MotionFeatureGraph(OnnxGraphBuilder builder, int frames, int height, int width)
    {
        _builder = builder;
        _frames = frames;
        _height = height;
        _width = width;
    }

    /// <summary>Features per clip for T = <paramref name="frames"/>: 5 T + 8 (T - 1) + 14.</summary>
    public static int FeatureCount(int frames) => (5 * frames) + (8 * (frames - 1)) + 14;

    /// <summary>Adds the extractor reading <paramref name="input"/>; returns the [N, FeatureCount] tensor's name.</summary>
    public static string Add(OnnxGraphBuilder builder, string input, int frames, int height, int width, string? outputName = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 3);
        return new MotionFeatureGraph(builder, frames, height, width).Build(input, outputName);
    }

    private string Build(string input, string? outputName)
    {
        var t = _frames;
        var colours = Node("Reshape", [input, Longs("clip_shape", [0, 3, t, _height, _width])], "colours");
        var luminance = Node("ReduceMean", [colours], "luminance", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 0));
        var blurred = Node("AveragePool", [luminance], "blurred",
            NodeAttribute.Ints("kernel_shape", 3, 3), NodeAttribute.Ints("strides", 1, 1), NodeAttribute.Ints("pads", 1, 1, 1, 1), NodeAttribute.Int("count_include_pad", 0));

        var still = Node("ReduceMean", [blurred], "still", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1));
        var foreground = Threshold(Node("Abs", [Node("Sub", [blurred, still], "from_still")], "abs_from_still"), ForegroundThreshold, "foreground");
        var later = SliceFrames(blurred, 1, t, "later");
        var earlier = SliceFrames(blurred, 0, t - 1, "earlier");
        var motion = Threshold(Node("Abs", [Node("Sub", [later, earlier], "step")], "abs_step"), MotionThreshold, "motion");

        var (velocityX, velocityY) = Velocity(luminance, motion);
        var f = Moments(foreground, "fg");
        var m = Moments(motion, "mo");

        var aspect = Div(f.SpreadY, Add(Add(f.SpreadX, f.SpreadY), Scalar(1e-3f)));
        var size = Mean(f.SpreadY);
        var centreY = Node("Sub", [f.CentreY, Mean(f.CentreY)], "fg_cy_centred");
        var dcx = Node("Abs", [Diff(f.CentreX, t, "fg_dcx")], "fg_speed_x");
        var dcy = Diff(f.CentreY, t, "fg_dcy");
        var motionHeight = Node("Sub", [m.CentreY, Mean(f.CentreY)], "mo_cy_relative");
        var bodySize = Add(size, Scalar(0.02f));
        var speed = Div(Mean(dcx), bodySize);
        var motionSpeed = Div(Mean(Node("Abs", [Diff(m.CentreX, t - 1, "mo_dcx")], "mo_speed_x")), bodySize);
        var ratio = Div(Mean(m.Mass), Add(Mean(f.Mass), Scalar(1e-3f)));
        var pulse = Node("Sqrt", [Add(Mean(Square(Node("Sub", [m.Mass, Mean(m.Mass)], "mo_mass_centred"))), Scalar(1e-8f))], "mo_pulse");
        var bounce = Div(Node("Sqrt", [Add(Mean(Square(centreY)), Scalar(1e-8f))], "fg_bounce_raw"), bodySize);

        string[] parts =
        [
            f.Mass, aspect, centreY, f.SpreadX, f.SpreadY,
            m.Mass, m.SpreadX, m.SpreadY, motionHeight, dcx, dcy,
            speed, motionSpeed, ratio, pulse, bounce, size,
            velocityX, velocityY, Mean(velocityX), Mean(velocityY), SpeedChange(velocityX), SpeedPeak(velocityX),
            Trend(f.CentreY, t), Trend(aspect, t), Trend(f.SpreadY, t), Trend(m.CentreY, t - 1),
        ];
        return _builder.AddNode("Concat", parts, outputName ?? _builder.UniqueName("motion_features"), NodeAttribute.Int("axis", 1));
    }

    /// <summary>
    /// Per frame pair, the global Lucas-Kanade velocity of what moves: v = -sum(w D G) / sum(w G^2) with
    /// D the temporal and G the spatial (central) difference of a 5x5-blurred luminance, weighted by the
    /// motion map; |v_x| (direction of travel does not matter) and signed v_y (down is positive), [N, T-1] each.
    /// The sign of v_y does not depend on whether a person is brighter or darker than the background.
    /// </summary>
    private (string SpeedX, string VelocityY) Velocity(string luminance, string motion)
    {
        var t = _frames;
        var smooth = Node("AveragePool", [luminance], "smooth",
            NodeAttribute.Ints("kernel_shape", 5, 5), NodeAttribute.Ints("strides", 1, 1), NodeAttribute.Ints("pads", 2, 2, 2, 2), NodeAttribute.Int("count_include_pad", 0));
        var next = SliceFrames(smooth, 1, t, "smooth_next");
        var previous = SliceFrames(smooth, 0, t - 1, "smooth_prev");
        var temporal = Crop(Node("Sub", [next, previous], "temporal"), "temporal_inner");
        var average = Node("Mul", [Node("Add", [next, previous], "pair_sum"), Scalar(0.5f)], "pair_mean");
        var gradientY = Crop(Node("Sub", [Slice(average, 2, 2, _height, "below"), Slice(average, 2, 0, _height - 2, "above")], "gradient_y_rows"), "gradient_y", cropRows: false);
        var gradientX = Crop(Node("Sub", [Slice(average, 3, 2, _width, "right"), Slice(average, 3, 0, _width - 2, "left")], "gradient_x_cols"), "gradient_x", cropCols: false);
        var weight = Crop(motion, "motion_inner");
        string Component(string gradient, string name)
        {
            var numerator = SpatialSum(Node("Mul", [Node("Mul", [weight, temporal], name + "_wd"), gradient], name + "_wdg"), name + "_num");
            var denominator = Add(SpatialSum(Node("Mul", [weight, Square(gradient)], name + "_wgg"), name + "_den"), Scalar(1e-3f));
            return Node("Neg", [Div(numerator, denominator)], name);
        }

        return (Node("Abs", [Component(gradientX, "velocity_x")], "speed_x"), Component(gradientY, "velocity_y"));
    }

    /// <summary>Drops the outer row and column on each side (axes 2 and 3), unless told to keep rows or columns (already 2 shorter).</summary>
    private string Crop(string x, string name, bool cropRows = true, bool cropCols = true)
    {
        var y = cropRows ? Slice(x, 2, 1, _height - 1, name + "_rows") : x;
        return cropCols ? Slice(y, 3, 1, _width - 1, name + "_cols") : y;
    }

    private string Slice(string x, int axis, int start, int end, string name) =>
        Node("Slice", [x, Longs(name + "_starts", [start]), Longs(name + "_ends", [end]), Longs(name + "_axes", [axis])], name);

    private (string Mass, string CentreX, string CentreY, string SpreadX, string SpreadY) Moments(string map, string scope)
    {
        float[] xs = [.. Enumerable.Range(0, _width).Select(x => _width == 1 ? 0f : (2f * x / (_width - 1)) - 1f)];
        float[] ys = [.. Enumerable.Range(0, _height).Select(y => _height == 1 ? 0f : (2f * y / (_height - 1)) - 1f)];
        var gx = _builder.AddInitializer(_builder.UniqueName(scope + "_grid_x"), [1, 1, 1, _width], xs);
        var gy = _builder.AddInitializer(_builder.UniqueName(scope + "_grid_y"), [1, 1, _height, 1], ys);
        var gx2 = _builder.AddInitializer(_builder.UniqueName(scope + "_grid_x2"), [1, 1, 1, _width], xs.Select(v => v * v).ToArray());
        var gy2 = _builder.AddInitializer(_builder.UniqueName(scope + "_grid_y2"), [1, 1, _height, 1], ys.Select(v => v * v).ToArray());

        var total = SpatialSum(map, scope + "_sum");
        var mass = Node("Mul", [total, Scalar(1f / (_height * _width))], scope + "_mass");
        var denominator = Add(total, Scalar(1f));
        var cx = Div(SpatialSum(Node("Mul", [map, gx], scope + "_mx"), scope + "_sx"), denominator);
        var cy = Div(SpatialSum(Node("Mul", [map, gy], scope + "_my"), scope + "_sy"), denominator);
        var ex2 = Div(SpatialSum(Node("Mul", [map, gx2], scope + "_mx2"), scope + "_sx2"), denominator);
        var ey2 = Div(SpatialSum(Node("Mul", [map, gy2], scope + "_my2"), scope + "_sy2"), denominator);
        var sx = Node("Sqrt", [Add(Node("Relu", [Node("Sub", [ex2, Square(cx)], scope + "_vx")], scope + "_vx_pos"), Scalar(1e-6f))], scope + "_spread_x");
        var sy = Node("Sqrt", [Add(Node("Relu", [Node("Sub", [ey2, Square(cy)], scope + "_vy")], scope + "_vy_pos"), Scalar(1e-6f))], scope + "_spread_y");
        return (mass, cx, cy, sx, sy);
    }

    /// <summary>How much the horizontal speed changes within the clip: its standard deviation over its mean.</summary>
    private string SpeedChange(string speed)
    {
        var mean = Mean(speed);
        var deviation = Node("Sqrt", [Add(Mean(Square(Node("Sub", [speed, mean], "speed_centred"))), Scalar(1e-8f))], "speed_sd");
        return Div(deviation, Add(mean, Scalar(0.05f)));
    }

    /// <summary>The fastest frame pair over the clip's mean speed (a shove is a peak, a walk is flat).</summary>
    private string SpeedPeak(string speed) =>
        Div(Node("ReduceMax", [speed], "speed_max", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1)), Add(Mean(speed), Scalar(0.05f)));

    /// <summary>Mean of the second half of the frames minus mean of the first half: the sign flips when the clip is reversed.</summary>
    private string Trend(string x, int length)
    {
        var half = length / 2;
        var first = Mean(SliceFrames(x, 0, half, "first_half"));
        var second = Mean(SliceFrames(x, length - half, length, "second_half"));
        return Node("Sub", [second, first], "trend");
    }

    private string Threshold(string x, float threshold, string name) => Node("Relu", [Node("Sub", [x, Scalar(threshold)], name + "_shifted")], name);

    private string SliceFrames(string x, int start, int end, string name) =>
        Node("Slice", [x, Longs(name + "_starts", [start]), Longs(name + "_ends", [end]), Longs(name + "_axes", [1])], name);

    private string Diff(string x, int length, string name) =>
        Node("Sub", [SliceFrames(x, 1, length, name + "_next"), SliceFrames(x, 0, length - 1, name + "_prev")], name);

    private string SpatialSum(string x, string name) => Node("ReduceSum", [x, Longs(name + "_axes", [2, 3])], name, NodeAttribute.Int("keepdims", 0));

    private string Mean(string x) => Node("ReduceMean", [x], "time_mean", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1));

    private string Square(string x) => Node("Mul", [x, x], "square");

    private string Add(string a, string b) => Node("Add", [a, b], "add");

    private string Div(string a, string b) => Node("Div", [a, b], "div");

    private string Scalar(float value) => _builder.AddInitializer(_builder.UniqueName("const"), [1], [value]);

    private string Longs(string name, long[] values) => _builder.AddInitializer(_builder.UniqueName(name), [values.Length], values);

    private string Node(string op, IReadOnlyList<string> inputs, string name, params NodeAttribute[] attributes) =>
        _builder.AddNode(op, inputs, _builder.UniqueName(name), attributes);
}
