using ActionNet.Onnx;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Cli.Tests.Support;

/// <summary>Small models and videos for end-to-end runs: T=8 at 32x32 and 64x48 videos keep every run well under a second.</summary>
public static class TestInputs
{
    /// <summary>Clip length (T) of every generated test model.</summary>
    public const int Frames = 8;

    /// <summary>Height and width of every generated test model.</summary>
    public const int Size = 32;

    /// <summary>Writes preset <paramref name="preset"/> with T=8, 32x32 (and its labels file beside it) into <paramref name="folder"/>.</summary>
    public static string Model(string folder, string preset) =>
        ModelGenerator.Write(ModelPresets.Get(preset) with { Frames = Frames, Height = Size, Width = Size }, Path.Combine(folder, preset + ".onnx")).OnnxPath;

    /// <summary>Writes a synthetic action video of <paramref name="frames"/> frames at 64x48.</summary>
    public static string Video(string path, string action, int frames = 40, int seed = 1)
    {
        SyntheticVideo.Write(path, action, frames, width: 64, height: 48, seed: seed);
        return path;
    }

    /// <summary>Writes a video whose every frame is one solid colour, given in OpenCV's BGR order.</summary>
    public static string SolidVideo(string path, Scalar bgr, int frames = 40)
    {
        using var writer = new VideoWriter(path, FourCC.MP4V, 25, new Size(64, 48));
        Assert.True(writer.IsOpened(), $"OpenCV could not open '{path}' for writing");
        using var frame = new Mat(48, 64, MatType.CV_8UC3, bgr);
        for (var i = 0; i < frames; i++)
        {
            writer.Write(frame);
        }

        return path;
    }
}
