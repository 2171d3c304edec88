namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// A rectangle of the source frame that is cropped before resizing to model resolution.
/// Units: source pixels, origin top-left.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.region-of-interest")]
public sealed record RegionOfInterest
{
    /// <summary>Left edge, pixels from the frame's left.</summary>
    [Id(0)] public int X { get; init; }

    /// <summary>Top edge, pixels from the frame's top.</summary>
    [Id(1)] public int Y { get; init; }

    /// <summary>Width in pixels, at least 1.</summary>
    [Id(2)] public int Width { get; init; }

    /// <summary>Height in pixels, at least 1.</summary>
    [Id(3)] public int Height { get; init; }

    /// <summary>
    /// Why the region does not fit a <paramref name="frameWidth"/> x <paramref name="frameHeight"/> frame
    /// (one line), or null when it lies wholly inside it.
    /// </summary>
    public string? FitProblem(int frameWidth, int frameHeight) =>
        (long)X + Width <= frameWidth && (long)Y + Height <= frameHeight
            ? null
            : $"region ({X},{Y}) {Width}x{Height} does not fit the {frameWidth}x{frameHeight} frame: expected x + width <= {frameWidth} and y + height <= {frameHeight}";
}
