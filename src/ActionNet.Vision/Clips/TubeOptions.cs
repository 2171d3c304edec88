namespace ActionNet.Vision.Clips;

/// <summary>How <see cref="PersonTubes"/> cuts one camera's people into clips.</summary>
public sealed record TubeOptions
{
    /// <summary>Kept frames between consecutive windows of one person (1 = a window per kept frame), as <see cref="WindowBuffer"/>.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Source frames skipped after each kept one (0 = keep all), as <see cref="WindowBuffer"/>.</summary>
    public int Subsample { get; init; }

    /// <summary>
    /// Margin around the track's box, as a fraction of its width and height on every side (0: the box itself, as
    /// DeepStream crops an object; 0.2: 20 % more on each side, so arms and a bicycle are more likely inside).
    /// </summary>
    public float Context { get; init; }

    /// <summary>Most people cut per camera; the largest boxes go first, frames of the others are dropped and counted.</summary>
    public int MaxTracks { get; init; } = 8;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Stride < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Stride), Stride, "Stride must be at least 1 kept frame between windows");
        }

        if (Subsample < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Subsample), Subsample, "Subsample must be 0 or more skipped frames");
        }

        if (!(Context >= 0 && Context <= 2))
        {
            throw new ArgumentOutOfRangeException(nameof(Context), Context, "Context must be from 0 to 2 (a fraction of the box on every side)");
        }

        if (MaxTracks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTracks), MaxTracks, "MaxTracks must be at least 1 person");
        }
    }
}
