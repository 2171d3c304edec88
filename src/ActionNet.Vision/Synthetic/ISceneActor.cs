using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>Something that moves in a synthetic scene and draws itself at a given time.</summary>
internal interface ISceneActor
{
    /// <summary>People the actor moves: one, or two for a push (the pusher is person 0, the pushed person 1).</summary>
    int People { get; }

    /// <summary>Draws the actor as it is <paramref name="seconds"/> after the scene starts.</summary>
    void Draw(Mat frame, double seconds);

    /// <summary>
    /// The actor's people as <see cref="Draw"/> draws them at <paramref name="seconds"/>, in drawing order; on a
    /// wrap-around path a person is drawn up to three times (one copy each side of the seam).
    /// </summary>
    IReadOnlyList<PlacedFigure> Figures(double seconds);
}
