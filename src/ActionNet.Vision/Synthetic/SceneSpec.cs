namespace ActionNet.Vision.Synthetic;

/// <summary>
/// One synthetic scene: which action, the seed every random choice is drawn from (viewpoint scale,
/// direction, position, speed, gait, body size, clothing colours, background clutter, lighting, noise,
/// a second person), and the video's geometry. The same spec renders the same pixels.
/// </summary>
/// <param name="Action">One of <see cref="SyntheticVideo.Actions"/>.</param>
/// <param name="Seed">The scene's seed.</param>
/// <param name="Frames">Frames in the video.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Fps">Frames per second (speeds are in body heights per second).</param>
/// <param name="Loop">
/// Whether the video will be looped as a camera: walkers, runners and riders then travel a whole
/// number of laps of a wrap-around path and a whole number of gait cycles, so the last frame runs
/// into the first without a jump.
/// </param>
public sealed record SceneSpec(string Action, int Seed, int Frames = 48, int Width = 160, int Height = 120, double Fps = 25, bool Loop = false)
{
    /// <summary>Throws when the action is unknown or a dimension is too small.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 16);
        if (!(Fps > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Fps), Fps, "frames per second must be more than 0");
        }

        if (!SyntheticVideo.Actions.Contains(Action))
        {
            throw new ArgumentException($"unknown synthetic action '{Action}': expected one of {string.Join(", ", SyntheticVideo.Actions)}", nameof(Action));
        }
    }
}
