using OpenCvSharp;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>Videos of solid colours one after another, so a looping camera's label changes on a known beat.</summary>
public static class ColourVideo
{
    /// <summary>Writes a 64x48, 25 fps mp4v video of each colour for its number of frames, in order.</summary>
    public static string Write(string path, params (SolidColour Colour, int Frames)[] phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        using var writer = new VideoWriter(path, FourCC.FromString("mp4v"), 25, new Size(64, 48));
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException($"OpenCV could not open '{path}' for writing");
        }

        foreach (var (colour, frames) in phases)
        {
            using var frame = new Mat(48, 64, MatType.CV_8UC3, new Scalar(colour.Blue, colour.Green, colour.Red));
            for (var i = 0; i < frames; i++)
            {
                writer.Write(frame);
            }
        }

        return path;
    }
}
