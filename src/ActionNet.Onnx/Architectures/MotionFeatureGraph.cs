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
internal sealed class MotionFeatureGraph : FeatureGraph
{
    private const float ForegroundThreshold = 0.12f;
    private const float MotionThreshold = 0.08f;

    private MotionFeatureGraph(OnnxGraphBuilder builder, int frames, int height, int width)
        : base(builder, frames, height, width)
    {
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
        var t = Frames;
        var colours = Node("Reshape", [input, Longs("clip_shape", [0, 3, t, Height, Width])], "colours");
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
        return Builder.AddNode("Concat", parts, outputName ?? Builder.UniqueName("motion_features"), NodeAttribute.Int("axis", 1));
    }

    /// <summary>
    /// Per frame pair, the global Lucas-Kanade velocity of what moves: v = -sum(w D G) / sum(w G^2) with
    /// D the temporal and G the spatial (central) difference of a 5x5-blurred luminance, weighted by the
    /// motion map; |v_x| (direction of travel does not matter) and signed v_y (down is positive), [N, T-1] each.
    /// The sign of v_y does not depend on whether a person is brighter or darker than the background.
    /// </summary>
    private (string SpeedX, string VelocityY) Velocity(string luminance, string motion)
    {
        var t = Frames;
        var smooth = Node("AveragePool", [luminance], "smooth",
            NodeAttribute.Ints("kernel_shape", 5, 5), NodeAttribute.Ints("strides", 1, 1), NodeAttribute.Ints("pads", 2, 2, 2, 2), NodeAttribute.Int("count_include_pad", 0));
        var next = SliceFrames(smooth, 1, t, "smooth_next");
        var previous = SliceFrames(smooth, 0, t - 1, "smooth_prev");
        var temporal = Crop(Node("Sub", [next, previous], "temporal"), "temporal_inner");
        var average = Node("Mul", [Node("Add", [next, previous], "pair_sum"), Scalar(0.5f)], "pair_mean");
        var gradientY = Crop(Node("Sub", [Slice(average, 2, 2, Height, "below"), Slice(average, 2, 0, Height - 2, "above")], "gradient_y_rows"), "gradient_y", cropRows: false);
        var gradientX = Crop(Node("Sub", [Slice(average, 3, 2, Width, "right"), Slice(average, 3, 0, Width - 2, "left")], "gradient_x_cols"), "gradient_x", cropCols: false);
        var weight = Crop(motion, "motion_inner");
        string Component(string gradient, string name)
        {
            var numerator = SpatialSum(Node("Mul", [Node("Mul", [weight, temporal], name + "_wd"), gradient], name + "_wdg"), name + "_num");
            var denominator = Add(SpatialSum(Node("Mul", [weight, Square(gradient)], name + "_wgg"), name + "_den"), Scalar(1e-3f));
            return Node("Neg", [Div(numerator, denominator)], name);
        }

        return (Node("Abs", [Component(gradientX, "velocity_x")], "speed_x"), Component(gradientY, "velocity_y"));
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
}
