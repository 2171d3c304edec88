using OpenCvSharp;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>A colour a whole test video is painted in, in RGB order; <see cref="Channel"/> is the strongest one.</summary>
/// <param name="Red">Red, 0-255.</param>
/// <param name="Green">Green, 0-255.</param>
/// <param name="Blue">Blue, 0-255.</param>
public sealed record SolidColour(byte Red, byte Green, byte Blue)
{
    /// <summary>The strongest channel: 0 red, 1 green, 2 blue (the probe's winning plane group).</summary>
    public int Channel => Red >= Green && Red >= Blue ? 0 : Green >= Blue ? 1 : 2;

    /// <summary>The prefix of every label the probe can give this colour: R_, G_ or B_.</summary>
    public string LabelPrefix => $"{"RGB"[Channel]}_";

    /// <summary>Writes a 64x48, 25 fps mp4v video of <paramref name="frames"/> frames of this colour (lowercase tag: the one the MP4 muxer accepts).</summary>
    public string WriteVideo(string path, int frames = 40)
    {
        using var writer = new VideoWriter(path, FourCC.FromString("mp4v"), 25, new Size(64, 48));
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException($"OpenCV could not open '{path}' for writing");
        }

        using var frame = new Mat(48, 64, MatType.CV_8UC3, new Scalar(Blue, Green, Red));
        for (var i = 0; i < frames; i++)
        {
            writer.Write(frame);
        }

        return path;
    }
}
