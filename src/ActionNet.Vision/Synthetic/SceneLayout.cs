namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Where a person stands in the picture: a ground line and a height that shrinks with distance
/// (higher ground line = further away), times a random zoom for the camera's viewpoint scale.
/// </summary>
internal readonly record struct SceneLayout(double GroundY, double PersonHeight)
{
    public static SceneLayout Random(Random random, int width, int height, double zoom)
    {
        var depth = random.NextDouble();
        var ground = height * (0.64 + (0.32 * depth));
        var person = height * (0.38 + (0.34 * depth)) * zoom;
        person = Math.Min(person, ground - (0.04 * height));
        return new SceneLayout(ground, Math.Max(8, person));
    }

    public static double Between(Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
