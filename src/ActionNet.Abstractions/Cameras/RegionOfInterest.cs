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

    /// <summary>
    /// Parses <c>x,y,width,height</c> in source pixels, as the CLI's <c>--roi</c> and the API's <c>roi</c> take it
    /// (<paramref name="field"/> names it in the error); null or blank is no region.
    /// </summary>
    /// <exception cref="ArgumentException">Not four whole numbers from 0 to <see cref="CameraInputRules.MaxRegionPixels"/>, or a zero size.</exception>
    public static RegionOfInterest? Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var values = text.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v <= CameraInputRules.MaxRegionPixels ? v : -1)
            .ToArray();
        if (values.Length != 4 || values.Any(v => v < 0) || values[2] == 0 || values[3] == 0)
        {
            throw new ArgumentException($"{field} '{CameraInputRules.Quote(text)}' is invalid: expected x,y,width,height as whole numbers from 0 to {CameraInputRules.MaxRegionPixels}, with width and height above 0");
        }

        return new RegionOfInterest { X = values[0], Y = values[1], Width = values[2], Height = values[3] };
    }
}
