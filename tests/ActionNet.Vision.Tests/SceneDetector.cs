using ActionNet.Vision.Detection;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>
/// A fake <see cref="IPersonDetector"/> for a synthetic scene: the ground truth of <see cref="Frame"/> as noisy
/// person detections, plus a confident "bag" at <see cref="Bag"/> that person mode must ignore.
/// </summary>
internal sealed class SceneDetector(SceneGroundTruth truth, int seed) : IPersonDetector
{
    private readonly NoisyDetections _noise = new(seed);

    /// <summary>Where the bag lies, on every frame.</summary>
    public static PixelBox Bag { get; } = new(10, 200, 40, 230);

    public string Name => "scene-truth";

    /// <summary>The frame the next <see cref="Detect"/> reports.</summary>
    public int Frame { get; set; }

    /// <summary>Frames detected.</summary>
    public int Calls { get; private set; }

    public IReadOnlyList<PersonDetection> Detect(Mat frame)
    {
        Calls++;
        return [.. _noise.For(truth.Frames[Frame], frame.Width, frame.Height), new PersonDetection("bag", 0.95f, Bag)];
    }

    public void Dispose()
    {
    }
}
