using ActionNet.Vision.Detection;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Grains.Tests;

/// <summary>
/// Stands where a detector would in pipeline tests that are about numbering and tracks, not detection quality: the
/// boxes of a looping synthetic scene's ground truth, for the frame the reader is on (every
/// <paramref name="interval"/>-th frame of a file read without an fps cap).
/// </summary>
internal sealed class SceneTruthDetector(SceneGroundTruth truth, int interval) : IPersonDetector
{
    private long calls;

    public string Name => "scene-truth";

    public IReadOnlyList<PersonDetection> Detect(Mat frame)
    {
        var index = (int)(calls++ * interval % truth.Frames.Count);
        return [.. truth.Frames[index].Where(b => b.Visibility > 0.5).Select(b => new PersonDetection(PersonDetection.Person, 0.9f, b.Box))];
    }

    public void Dispose()
    {
    }
}
