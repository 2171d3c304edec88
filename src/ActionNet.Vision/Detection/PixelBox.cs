using System.Globalization;

namespace ActionNet.Vision.Detection;

/// <summary>
/// An axis-aligned box in source-frame pixels, corners (x1, y1) top-left and (x2, y2) bottom-right, as
/// DeepStream's parsers report them. Float, so scaling between network and source sizes loses nothing.
/// </summary>
/// <param name="X1">Left edge, pixels.</param>
/// <param name="Y1">Top edge, pixels.</param>
/// <param name="X2">Right edge, pixels.</param>
/// <param name="Y2">Bottom edge, pixels.</param>
public readonly record struct PixelBox(float X1, float Y1, float X2, float Y2)
{
    /// <summary>Width in pixels (0 when the box is inverted).</summary>
    public float Width => Math.Max(0, X2 - X1);

    /// <summary>Height in pixels (0 when the box is inverted).</summary>
    public float Height => Math.Max(0, Y2 - Y1);

    /// <summary>Area in square pixels.</summary>
    public float Area => Width * Height;

    /// <summary>Centre x.</summary>
    public float CenterX => (X1 + X2) / 2;

    /// <summary>Centre y.</summary>
    public float CenterY => (Y1 + Y2) / 2;

    /// <summary>Whether the box has no area.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>A box from its centre and size.</summary>
    public static PixelBox FromCenter(float centerX, float centerY, float width, float height) =>
        new(centerX - (width / 2), centerY - (height / 2), centerX + (width / 2), centerY + (height / 2));

    /// <summary>Intersection over union with <paramref name="other"/>, 0 to 1.</summary>
    public float IoU(PixelBox other)
    {
        var w = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var h = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var inter = w * h;
        var union = Area + other.Area - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /// <summary>The box clipped to a frame of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public PixelBox ClipTo(int width, int height) =>
        new(Math.Clamp(X1, 0, width), Math.Clamp(Y1, 0, height), Math.Clamp(X2, 0, width), Math.Clamp(Y2, 0, height));

    /// <summary>The box with both axes multiplied (e.g. network pixels to source pixels).</summary>
    public PixelBox Scale(float sx, float sy) => new(X1 * sx, Y1 * sy, X2 * sx, Y2 * sy);

    /// <summary>The box grown by <paramref name="fraction"/> of its width and height on every side (0: unchanged).</summary>
    public PixelBox Expand(float fraction) =>
        new(X1 - (Width * fraction), Y1 - (Height * fraction), X2 + (Width * fraction), Y2 + (Height * fraction));

    /// <summary>The box as [x1, y1, x2, y2], the form JSON and the history carry.</summary>
    public float[] ToArray() => [X1, Y1, X2, Y2];

    /// <summary>A box from [x1, y1, x2, y2].</summary>
    /// <exception cref="ArgumentException">Not four values.</exception>
    public static PixelBox FromArray(IReadOnlyList<float> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 4
            ? new PixelBox(values[0], values[1], values[2], values[3])
            : throw new ArgumentException($"a box is [x1, y1, x2, y2]; got {values.Count} values", nameof(values));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{X1:0.#}, {Y1:0.#}, {X2:0.#}, {Y2:0.#}]");
}
