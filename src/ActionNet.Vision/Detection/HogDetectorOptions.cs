namespace ActionNet.Vision.Detection;

/// <summary>
/// How <see cref="HogPersonDetector"/> runs OpenCV's <c>HOGDescriptor::detectMultiScale</c>. Defaults are OpenCV's,
/// except the 8x8 window stride and padding its people-detection sample uses (its own default stride is one cell,
/// also 8x8).
/// </summary>
public sealed record HogDetectorOptions
{
    /// <summary>The least SVM margin (w·x + b) a window needs to count as a hit; OpenCV's default 0.</summary>
    public double HitThreshold { get; init; }

    /// <summary>Pixels the detection window moves per step, on both axes: a multiple of the 8-pixel block stride.</summary>
    public int WindowStride { get; init; } = 8;

    /// <summary>Pixels of border added around the image, on both axes, so people at the edge fit a window.</summary>
    public int Padding { get; init; } = 8;

    /// <summary>Factor between pyramid levels (OpenCV's <c>scale0</c>): the image shrinks by it until it is smaller than the window.</summary>
    public double PyramidScale { get; init; } = 1.05;

    /// <summary>
    /// OpenCV's <c>finalThreshold</c>: overlapping hits are grouped (groupRectangles, eps 0.2) and groups of at most
    /// this many hits are dropped; 0 keeps every raw hit ungrouped.
    /// </summary>
    public int GroupThreshold { get; init; } = 2;

    /// <summary>
    /// The shortest person to find, in source pixels; 0 (the default) runs on the frame as it is. The default people
    /// detector only sees people about 96 pixels tall or more (its window is 64x128 with a margin), so a frame
    /// whose people may be shorter is first upscaled, bilinear, by window height / MinPersonHeight, which makes a
    /// person of this height as tall as the window. Costs the square of the factor in time.
    /// </summary>
    public int MinPersonHeight { get; init; }

    /// <summary>Problems with these options, one line each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WindowStride < 8 || WindowStride % 8 != 0)
        {
            errors.Add($"{nameof(WindowStride)} is {WindowStride}; expected a positive multiple of 8 pixels (the block stride)");
        }

        if (Padding < 0)
        {
            errors.Add($"{nameof(Padding)} is {Padding}; expected 0 or more pixels");
        }

        if (!(PyramidScale > 1))
        {
            errors.Add($"{nameof(PyramidScale)} is {PyramidScale}; expected more than 1");
        }

        if (GroupThreshold < 0)
        {
            errors.Add($"{nameof(GroupThreshold)} is {GroupThreshold}; expected 0 (no grouping) or more");
        }

        if (MinPersonHeight < 0)
        {
            errors.Add($"{nameof(MinPersonHeight)} is {MinPersonHeight}; expected 0 (no upscaling) or more pixels");
        }

        return errors;
    }
}
