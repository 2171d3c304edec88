using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Writes synthetic action videos for demos, training, tests and benchmarks: articulated people doing
/// each of the five actions in scenes rendered by <see cref="SceneRenderer"/>. Deterministic for a
/// given seed. Encoded as MPEG-4 Part 2 (MP4V), the encoder OpenCvSharp ships.
/// </summary>
public static class SyntheticVideo
{
    /// <summary>The actions the generator knows, in ActionRecognitionNet's label order.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["push", "fall_floor", "walk", "run", "ride_bike"];

    /// <summary>Writes <paramref name="frames"/> frames of <paramref name="action"/> to <paramref name="path"/> (.mp4 or .avi).</summary>
    public static void Write(string path, string action, int frames = 64, int width = 320, int height = 240, double fps = 25, int seed = 1) =>
        Write(path, new SceneSpec(action, seed, frames, width, height, fps));

    /// <summary>Writes the scene <paramref name="spec"/> to <paramref name="path"/> (.mp4 or .avi).</summary>
    public static void Write(string path, SceneSpec spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var renderer = new SceneRenderer(spec);

        // Lower-case "mp4v" is the tag the MP4 muxer accepts; upper-case MP4V makes FFmpeg warn and fall back to it.
        using var writer = new VideoWriter(path, FourCC.FromString("mp4v"), spec.Fps, new Size(spec.Width, spec.Height));
        if (!writer.IsOpened())
        {
            throw new IOException($"could not open '{path}' for writing an MP4V video");
        }

        using var frame = new Mat();
        for (var i = 0; i < spec.Frames; i++)
        {
            renderer.Render(i, frame);
            writer.Write(frame);
        }
    }
}
