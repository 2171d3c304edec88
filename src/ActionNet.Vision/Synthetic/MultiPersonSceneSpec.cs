namespace ActionNet.Vision.Synthetic;

/// <summary>
/// A synthetic scene with two or three people doing different actions in one frame, for training and
/// evaluating per-person action recognition and tracking. Walkers, runners and riders pass through once,
/// entering from off-screen (or already on their way when the scene starts) and leaving on the far side;
/// a faller stands, falls and lies; a push happens where the pushed person stands. People at different
/// depths cross and hide each other. The same spec renders the same pixels and ground truth.
/// </summary>
/// <param name="Seed">The scene's seed: background, camera, cast (when <paramref name="Actions"/> is null), depths, paths and timing.</param>
/// <param name="Frames">Frames in the video.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Fps">Frames per second (speeds are in body heights per second).</param>
/// <param name="Actions">
/// The actions in the scene, each once, or null to draw them from the seed. A push is two people (pusher and
/// pushed, both labelled push), so the people they make must number 2 or 3: two or three of fall_floor, walk,
/// run and ride_bike, or push with one of them. Giving the actions the seed would draw renders the same scene.
/// Compared by reference, as records compare lists.
/// </param>
public sealed record MultiPersonSceneSpec(int Seed, int Frames = 150, int Width = 320, int Height = 240, double Fps = 25, IReadOnlyList<string>? Actions = null)
{
    /// <summary>People an action puts in the scene: 2 for push, else 1.</summary>
    public static int PeopleOf(string action) => action == "push" ? 2 : 1;

    /// <summary>Throws when a dimension is too small or the actions are not 2 or 3 people doing different, known actions.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 16);
        if (!(Fps > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Fps), Fps, "frames per second must be more than 0");
        }

        if (Actions is null)
        {
            return;
        }

        foreach (var action in Actions)
        {
            if (!SyntheticVideo.Actions.Contains(action))
            {
                throw new ArgumentException($"unknown synthetic action '{action}': expected one of {string.Join(", ", SyntheticVideo.Actions)}", nameof(Actions));
            }
        }

        var people = Actions.Sum(PeopleOf);
        if (Actions.Distinct().Count() != Actions.Count || Actions.Count < 2 || people > 3)
        {
            throw new ArgumentException(
                $"a multi-person scene has 2 or 3 people doing different actions (push is two people); got [{string.Join(", ", Actions)}], {people} people",
                nameof(Actions));
        }
    }
}
