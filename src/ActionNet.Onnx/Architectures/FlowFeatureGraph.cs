using ActionNet.Onnx.Graph;

namespace ActionNet.Onnx.Architectures;

/// <summary>
/// A fixed (untrained) feature extractor over a 2D optical-flow clip [N, 2*T, H, W] in the contract's
/// packed order (channel c*T + t: u0..u(T-1), v0..v(T-1)), each value NVIDIA's u8 flow normalised to
/// [-1, 1]: the flow over the frame pair's largest flow, or in pixels when nothing moves a whole pixel.
/// Per flow frame it takes the magnitude m = |(u, v)|, the moving map relu(m - 0.1) (its soft mask is
/// that over m), the fast map relu(m - 0.4), and the clip's direction of travel (the sign of the moving
/// pixels' summed u), so that u "forward" makes left and right alike. Five groups of features follow:
/// <list type="bullet">
/// <item>the moving region, per frame: mean and largest magnitude, masses, mean |u| and signed v (down is
/// positive), coherence, how vertical, shape, vertical position, spread, where its fast parts sit; with
/// clip means, pulses, roughness (frame-to-frame change: a gait's cadence), extremes, travel speed for
/// its size and trends (second half minus first half);</item>
/// <item>direction histograms (8 directions, 45 degrees apart) in six cells of the region (above, around
/// and below its centroid, ahead of it and behind it): each direction's share of the cell's motion over
/// the clip and its trend, and each cell's share of all motion and its trend;</item>
/// <item>per frame, the same histograms in the three bands;</item>
/// <item>per frame, how the region's flow bends: shear (a body toppling over moves more at the top than at
/// the feet), |curl| and divergence, in units of its size;</item>
/// <item>per pair of flow frames, the correlation of the two fields: a moving body gives similar fields
/// frame after frame, flow found in sensor noise does not.</item>
/// </list>
/// Shares, correlations and shapes do not depend on how the flow was scaled, so flow computed at another
/// resolution reads alike. Every per-frame feature keeps its frame index, and v, the trends and the shear
/// change sign when time runs backwards, so a fall (down, then still) differs from getting up.
/// </summary>
internal sealed class FlowFeatureGraph : FeatureGraph
{
    private const float MovingThreshold = 0.1f;
    private const float FastThreshold = 0.4f;
    private const int Directions = 8;

    private FlowFeatureGraph(OnnxGraphBuilder builder, int frames, int height, int width)
        : base(builder, frames, height, width)
    {
    }

    /// <summary>
    /// Features per clip for T = <paramref name="frames"/>: region 13 T + 42, cell histograms 108,
    /// band histograms 24 T, deformation 3 T + 12, persistence T + 3; 41 T + 165 in all.
    /// </summary>
    public static int FeatureCount(int frames) => (41 * frames) + 165;

    /// <summary>Adds the extractor reading <paramref name="input"/>; returns the [N, FeatureCount] tensor's name.</summary>
    public static string Add(OnnxGraphBuilder builder, string input, int frames, int height, int width, string? outputName = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 3);
        return new FlowFeatureGraph(builder, frames, height, width).Build(input, outputName);
    }

    private string Build(string input, string? outputName)
    {
        var t = Frames;
        var components = Node("Reshape", [input, Longs("clip_shape", [0, 2, t, Height, Width])], "components");
        var u = Node("Reshape", [Slice(components, 1, 0, 1, "u_planes"), Longs("u_shape", [0, t, Height, Width])], "u");
        var v = Node("Reshape", [Slice(components, 1, 1, 2, "v_planes"), Longs("v_shape", [0, t, Height, Width])], "v");
        var magnitude = Node("Sqrt", [Add(Add(Square(u), Square(v)), Scalar(1e-6f))], "magnitude");
        var moving = Threshold(magnitude, MovingThreshold, "moving");
        var mask = Div(moving, Add(magnitude, Scalar(1e-3f)));
        var region = Moments(moving, "mo");
        var travel = Node("Sign", [Add(Node("ReduceSum", [Node("Mul", [mask, u], "mask_u"), Longs("travel_axes", [1, 2, 3])], "travel_sum", NodeAttribute.Int("keepdims", 1)), Scalar(1e-6f))], "travel");
        var forward = Node("Mul", [u, travel], "u_forward");

        string[] parts =
        [
            .. Region(u, v, magnitude, moving, region),
            .. Histograms(forward, v, magnitude, mask, region, travel),
            .. Deformation(forward, v, magnitude, mask, region.SpreadY),
            .. Persistence(u, v),
        ];
        return Builder.AddNode("Concat", parts, outputName ?? Builder.UniqueName("flow_features"), NodeAttribute.Int("axis", 1));
    }

    private IEnumerable<string> Region(string u, string v, string magnitude, string moving, MapMoments region)
    {
        var t = Frames;
        var fast = Moments(Threshold(magnitude, FastThreshold, "fast"), "fa");
        var meanMagnitude = Node("ReduceMean", [magnitude], "mean_magnitude", NodeAttribute.Ints("axes", 2, 3), NodeAttribute.Int("keepdims", 0));
        var peak = Node("ReduceMax", [magnitude], "peak_magnitude", NodeAttribute.Ints("axes", 2, 3), NodeAttribute.Int("keepdims", 0));
        var weight = Add(SpatialSum(moving, "moving_weight"), Scalar(1e-3f));
        string Weighted(string x, string name) => Div(SpatialSum(Node("Mul", [moving, x], name), name + "_sum"), weight);
        var flowU = Weighted(u, "moving_u");
        var flowV = Weighted(v, "moving_v");
        var movingMagnitude = Add(Weighted(magnitude, "moving_m"), Scalar(1e-3f));
        var speedU = Node("Abs", [flowU], "speed_u");
        var coherence = Div(Node("Sqrt", [Add(Add(Square(flowU), Square(flowV)), Scalar(1e-8f))], "moving_flow_length"), movingMagnitude);
        var vertical = Div(Weighted(Node("Abs", [v], "abs_v"), "moving_abs_v"), movingMagnitude);
        var aspect = Div(region.SpreadY, Add(Add(region.SpreadX, region.SpreadY), Scalar(1e-3f)));
        var centreY = Node("Sub", [region.CentreY, Mean(region.CentreY)], "mo_cy_centred");
        var size = Add(Mean(region.SpreadY), Scalar(0.02f));
        var fastHeight = Div(Node("Sub", [fast.CentreY, region.CentreY], "fast_cy_relative"), size);

        string[] perFrame = [meanMagnitude, peak, region.Mass, fast.Mass, speedU, flowV, coherence, vertical, aspect, centreY, region.SpreadX, region.SpreadY, fastHeight];
        string[] means = [meanMagnitude, peak, region.Mass, fast.Mass, speedU, flowV, coherence, vertical, aspect, fastHeight];
        string[] pulses = [meanMagnitude, region.Mass, speedU, flowV];
        string[] roughness = [meanMagnitude, region.Mass, flowV, centreY];
        string[] trends = [meanMagnitude, region.Mass, flowV, region.CentreY, aspect, region.SpreadY];
        string[] extremes = [Div(flowV, movingMagnitude), coherence, vertical, aspect, centreY, region.Mass, peak];
        return
        [
            .. perFrame,
            .. means.Select(Mean),
            .. pulses.Select(Pulse),
            .. roughness.Select(Roughness),
            Div(Node("ReduceMax", [region.Mass], "mass_max", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1)), Add(Mean(region.Mass), Scalar(1e-3f))),
            Div(Mean(Node("Abs", [Diff(region.CentreX, t, "mo_dcx")], "mo_speed_x")), size),
            Div(Mean(Diff(region.CentreY, t, "mo_dcy")), size),
            size,
            .. trends.Select(x => Trend(x, t)),
            .. extremes.SelectMany(Extremes),
        ];
    }

    /// <summary>
    /// Direction histograms: per cell and direction k, sum(mask relu(flow . e_k)) over sum(mask m), which
    /// does not depend on how the flow was scaled. Cells are soft: bands by the vertical offset from the
    /// region's centroid in units of its spread (edges at -0.5 and 0.5), ahead or behind by the offset
    /// along the direction of travel.
    /// </summary>
    private IEnumerable<string> Histograms(string forward, string v, string magnitude, string mask, MapMoments region, string travel)
    {
        var t = Frames;
        var shape = Longs("per_frame_shape", [0, t, 1, 1]);
        string PerFrame(string x) => Node("Reshape", [x, shape], "per_frame");
        var relativeY = Div(Node("Sub", [GridY("band_grid_y"), PerFrame(region.CentreY)], "band_dy"), Add(PerFrame(region.SpreadY), Scalar(0.02f)));
        var relativeX = Div(Node("Mul", [Node("Sub", [GridX("band_grid_x"), PerFrame(region.CentreX)], "band_dx"), travel], "band_dx_forward"), Add(PerFrame(region.SpreadX), Scalar(0.02f)));
        var upper = Node("Sigmoid", [Node("Mul", [Add(relativeY, Scalar(0.5f)), Scalar(-4f)], "upper_logit")], "upper");
        var lower = Node("Sigmoid", [Node("Mul", [Add(relativeY, Scalar(-0.5f)), Scalar(4f)], "lower_logit")], "lower");
        var middle = Node("Sub", [Node("Sub", [Scalar(1f), upper], "not_upper"), lower], "middle");
        var ahead = Node("Sigmoid", [Node("Mul", [relativeX, Scalar(4f)], "ahead_logit")], "ahead");
        var behind = Node("Sub", [Scalar(1f), ahead], "behind");
        string[] bands = [upper, middle, lower];
        var directions = Enumerable.Range(0, Directions).Select(k =>
        {
            var angle = 2 * Math.PI * k / Directions;
            return Node("Relu", [Add(Node("Mul", [forward, Scalar((float)Math.Cos(angle))], "along_u"), Node("Mul", [v, Scalar((float)Math.Sin(angle))], "along_v"))], "direction");
        }).ToList();
        var total = Add(SpatialSum(Node("Mul", [mask, magnitude], "mask_m"), "mask_m_sum"), Scalar(1e-3f));

        var cellHistograms = new List<string>();
        var cellShares = new List<string>();
        foreach (var cell in bands.SelectMany(band => new[] { Node("Mul", [band, ahead], "cell"), Node("Mul", [band, behind], "cell") }))
        {
            var weight = Node("Mul", [mask, cell], "cell_mask");
            var cellMotion = Add(SpatialSum(Node("Mul", [weight, magnitude], "cell_m"), "cell_m_sum"), Scalar(1e-3f));
            foreach (var direction in directions)
            {
                var directed = SpatialSum(Node("Mul", [weight, direction], "cell_direction"), "cell_direction_sum");
                cellHistograms.AddRange(ShareAndTrend(directed, cellMotion));
            }

            cellShares.AddRange(ShareAndTrend(cellMotion, total));
        }

        var bandHistograms = bands.SelectMany(band =>
        {
            var weight = Node("Mul", [mask, band], "band_mask");
            return directions.Select(d => Div(SpatialSum(Node("Mul", [weight, d], "band_direction"), "band_direction_sum"), total));
        });
        return [.. cellHistograms, .. cellShares, .. bandHistograms];
    }

    /// <summary>
    /// Per frame, shear (d u_forward / dy), |curl| and divergence of the flow over the moving region, each a
    /// mask-weighted sum over the mask-weighted magnitude times the region's vertical spread; then their
    /// clip means, trends and extremes.
    /// </summary>
    private IEnumerable<string> Deformation(string forward, string v, string magnitude, string mask, string spreadY)
    {
        var t = Frames;

        // Central differences per unit of the [-1, 1] grid: two steps of 2 / (size - 1) each.
        string DerivativeY(string x, string name) => Node("Mul", [Crop(Node("Sub", [Slice(x, 2, 2, Height, name + "_below"), Slice(x, 2, 0, Height - 2, name + "_above")], name + "_rows"), name, cropRows: false), Scalar((Height - 1) / 4f)], name + "_scaled");
        string DerivativeX(string x, string name) => Node("Mul", [Crop(Node("Sub", [Slice(x, 3, 2, Width, name + "_right"), Slice(x, 3, 0, Width - 2, name + "_left")], name + "_cols"), name, cropCols: false), Scalar((Width - 1) / 4f)], name + "_scaled");
        var inner = Crop(mask, "mask_inner");
        var motion = Add(SpatialSum(Node("Mul", [inner, Crop(magnitude, "magnitude_inner")], "inner_m"), "inner_m_sum"), Scalar(1e-3f));
        var size = Node("Reshape", [Add(spreadY, Scalar(0.02f)), Longs("spread_shape", [0, t])], "size");
        string Measure(string field, string name) => Node("Mul", [Div(SpatialSum(Node("Mul", [inner, field], name + "_masked"), name + "_sum"), motion), size], name);
        var dudy = DerivativeY(forward, "du_dy");
        string[] measures =
        [
            Measure(dudy, "shear"),
            Measure(Node("Abs", [Node("Sub", [DerivativeX(v, "dv_dx"), dudy], "curl_raw")], "abs_curl"), "curl"),
            Measure(Add(DerivativeX(forward, "du_dx"), DerivativeY(v, "dv_dy")), "divergence"),
        ];
        return [.. measures, .. measures.Select(Mean), .. measures.Select(x => Trend(x, t)), .. measures.SelectMany(Extremes)];
    }

    /// <summary>
    /// Per pair of flow frames, sum(u_t u_t+1 + v_t v_t+1) / sqrt(sum(u_t^2 + v_t^2) sum(u_t+1^2 + v_t+1^2)),
    /// [N, T-1]; then its mean, trend and extremes.
    /// </summary>
    private IEnumerable<string> Persistence(string u, string v)
    {
        var t = Frames;
        string Next(string x) => SliceFrames(x, 1, t, "next_field");
        string Previous(string x) => SliceFrames(x, 0, t - 1, "previous_field");
        var dot = SpatialSum(Add(Node("Mul", [Next(u), Previous(u)], "uu"), Node("Mul", [Next(v), Previous(v)], "vv")), "field_dot");
        var energy = Add(SpatialSum(Add(Square(u), Square(v)), "field_energy"), Scalar(1e-3f));
        var correlation = Div(dot, Node("Sqrt", [Node("Mul", [Next(energy), Previous(energy)], "energy_product")], "energy_norm"));
        return [correlation, Mean(correlation), Trend(correlation, t - 1), .. Extremes(correlation)];
    }

    /// <summary>A part's share of a whole summed over the clip, and the second half's share minus the first half's, [N, 1] each.</summary>
    private string[] ShareAndTrend(string part, string whole)
    {
        var t = Frames;
        string Share(int start, int end)
        {
            string Sum(string x) => Node("ReduceSum", [SliceFrames(x, start, end, "share_frames"), Longs("share_axes", [1])], "share_sum", NodeAttribute.Int("keepdims", 1));
            return Div(Sum(part), Sum(whole));
        }

        return [Share(0, t), Node("Sub", [Share(t - (t / 2), t), Share(0, t / 2)], "share_trend")];
    }

    /// <summary>The largest and the smallest value over time of a per-frame quantity, [N, 1] each: where in the clip does not matter.</summary>
    private string[] Extremes(string x) =>
    [
        Node("ReduceMax", [x], "time_max", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1)),
        Node("ReduceMin", [x], "time_min", NodeAttribute.Ints("axes", 1), NodeAttribute.Int("keepdims", 1)),
    ];

    /// <summary>The standard deviation over time of a per-frame quantity, [N, 1].</summary>
    private string Pulse(string x) =>
        Node("Sqrt", [Add(Mean(Square(Node("Sub", [x, Mean(x)], "centred"))), Scalar(1e-8f))], "pulse");

    /// <summary>The mean absolute change from one flow frame to the next, [N, 1].</summary>
    private string Roughness(string x) => Mean(Node("Abs", [Diff(x, Frames, "step")], "abs_step"));
}
