namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Where a travelling actor's centre is (pixels): on a wrap-around path it leaves one side while entering the
/// other (drawn up to three times, once each side of the seam); on a pass it crosses the frame once, from
/// off-screen (or already on its way when the scene starts) to off-screen on the other side.
/// </summary>
internal readonly record struct TravelPath(double StartX, int Width, bool Wraps)
{
    /// <summary>
    /// A pass at <paramref name="pixelsPerSecond"/> towards <paramref name="facing"/> whose centre is at the
    /// frame's centre <paramref name="centreAt"/> seconds into the scene.
    /// </summary>
    public static TravelPath Pass(int width, int facing, double pixelsPerSecond, double centreAt) =>
        new((width / 2.0) - (facing * pixelsPerSecond * centreAt), width, Wraps: false);

    /// <summary>The centres to draw after travelling <paramref name="distance"/> pixels towards <paramref name="facing"/>.</summary>
    public double[] Centres(int facing, double distance)
    {
        var x = StartX + (facing * distance);
        if (!Wraps)
        {
            return [x];
        }

        x = ((x % Width) + Width) % Width;
        return [x - Width, x, x + Width];
    }
}
