using OpenCvSharp;

namespace ActionNet.Vision.Synthetic;

/// <summary>
/// Writes synthetic action videos for demos, training, tests and benchmarks: articulated people doing
/// each of the five actions in scenes rendered by <see cref="SceneRenderer"/>, or several people doing
/// different actions at once (<see cref="MultiPersonSceneRenderer"/>, with ground truth). Deterministic for a
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
        using var renderer = new SceneRenderer(spec);
        WriteFrames(path, spec.Frames, spec.Width, spec.Height, spec.Fps, renderer.Render);
    }

    /// <summary>
    /// Writes the multi-person scene <paramref name="spec"/> to <paramref name="path"/> (.mp4 or .avi) and its
    /// ground truth as JSON beside it (<paramref name="path"/> with extension .json); returns the ground truth.
    /// </summary>
    public static SceneGroundTruth Write(string path, MultiPersonSceneSpec spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        using var renderer = new MultiPersonSceneRenderer(spec);
        WriteFrames(path, spec.Frames, spec.Width, spec.Height, spec.Fps, renderer.Render);
        var truth = renderer.GroundTruth();
        truth.Write(Path.ChangeExtension(path, ".json"));
        return truth;
    }

    private static void WriteFrames(string path, int frames, int width, int height, double fps, Action<int, Mat> render)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Lower-case "mp4v" is the tag the MP4 muxer accepts; upper-case MP4V makes FFmpeg warn and fall back to it.
        using var writer = new VideoWriter(path, FourCC.FromString("mp4v"), fps, new Size(width, height));
        if (!writer.IsOpened())
        {
            throw new IOException($"could not open '{path}' for writing an MP4V video");
        }

        using var frame = new Mat();
        for (var i = 0; i < frames; i++)
        {
            render(i, frame);
            writer.Write(frame);
        }
    }
}
