using ActionNet.Vision.Detection;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Vision.Tests;

/// <summary>
/// A stand-in detector's output made from a synthetic scene's ground truth: every person at least half visible,
/// edges jittered by a few percent of the box, confidence falling with visibility, some detections dropped at
/// random, and now and then a false positive somewhere else.
/// </summary>
internal sealed class NoisyDetections(int seed, double dropout = 0.1, double falsePositives = 0.05, float jitter = 0.03f)
{
    private readonly Random _random = new(seed);

    public List<PersonDetection> For(IReadOnlyList<GroundTruthBox> truth, int width, int height)
    {
        var detections = new List<PersonDetection>();
        foreach (var person in truth)
        {
            if (person.Visibility < 0.5f || _random.NextDouble() < dropout)
            {
                continue;
            }

            var box = person.Box;
            var jittered = new PixelBox(Edge(box.X1, box.Width), Edge(box.Y1, box.Height), Edge(box.X2, box.Width), Edge(box.Y2, box.Height)).ClipTo(width, height);
            var confidence = Math.Clamp(0.35f + (0.6f * person.Visibility) + (0.05f * Gaussian()), 0.05f, 1f);
            detections.Add(new PersonDetection(PersonDetection.Person, confidence, jittered));
        }

        if (_random.NextDouble() < falsePositives)
        {
            var h = 40 + (_random.NextSingle() * 100);
            var ghost = PixelBox.FromCenter(_random.NextSingle() * width, _random.NextSingle() * height, h * 0.4f, h).ClipTo(width, height);
            detections.Add(new PersonDetection(PersonDetection.Person, 0.5f + (0.3f * _random.NextSingle()), ghost));
        }

        return detections;
    }

    private float Edge(float value, float size) => value + (jitter * size * Gaussian());

    private float Gaussian()
    {
        var u = 1 - _random.NextDouble();
        var v = _random.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
    }
}
