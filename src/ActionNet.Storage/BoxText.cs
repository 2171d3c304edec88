using System.Globalization;

namespace ActionNet.Storage;

/// <summary>A box as the history index stores it: "x1,y1,x2,y2" in source pixels, invariant culture (a table has no array type).</summary>
internal static class BoxText
{
    public static string Format(float[] box) => string.Join(',', box.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));

    public static float[]? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split(',');
        var box = new float[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out box[i]))
            {
                return null;
            }
        }

        return box.Length == 4 ? box : null;
    }
}
