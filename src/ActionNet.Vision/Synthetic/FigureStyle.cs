using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>How one figure looks: shirt, trousers and skin colours (BGR) and its build (limb thickness factor).</summary>
internal sealed record FigureStyle(Scalar Shirt, Scalar Trousers, Scalar Skin, double Build)
{
    /// <summary>Random clothing colours and build.</summary>
    public static FigureStyle Random(Random random)
    {
        Scalar[] skins = [new(60, 90, 140), new(90, 130, 190), new(120, 160, 220), new(40, 60, 90), new(150, 190, 230)];
        return new FigureStyle(Colour(random), Colour(random), skins[random.Next(skins.Length)], 0.8 + (0.5 * random.NextDouble()));
    }

    private static Scalar Colour(Random random) => new(random.Next(256), random.Next(256), random.Next(256));
}
