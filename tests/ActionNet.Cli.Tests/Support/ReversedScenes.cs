using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Cli.Tests.Support;

/// <summary>
/// Synthetic scenes written with their frames in reverse order (a fall becomes a person getting up), encoded
/// as <see cref="SyntheticVideo"/> encodes the forward ones, under <c>&lt;root&gt;/&lt;action&gt;/</c> with the
/// forward file names, so <c>dataset prepare</c> computes flow between the reversed frames.
/// </summary>
public static class ReversedScenes
{
    /// <summary>Writes every scene reversed under <paramref name="root"/>.</summary>
    public static void Write(string root, IEnumerable<SceneSpec> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        foreach (var scene in scenes)
        {
            var path = Path.Combine(Directory.CreateDirectory(Path.Combine(root, scene.Action)).FullName, SyntheticDataset.FileName(scene));
            using var renderer = new SceneRenderer(scene);
            using var writer = new VideoWriter(path, FourCC.FromString("mp4v"), scene.Fps, new Size(scene.Width, scene.Height));
            using var frame = new Mat();
            for (var i = scene.Frames - 1; i >= 0; i--)
            {
                renderer.Render(i, frame);
                writer.Write(frame);
            }
        }
    }
}
