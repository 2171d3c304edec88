using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>Something that moves in a synthetic scene and draws itself at a given time.</summary>
internal interface ISceneActor
{
    /// <summary>Draws the actor as it is <paramref name="seconds"/> after the scene starts.</summary>
    void Draw(Mat frame, double seconds);
}
