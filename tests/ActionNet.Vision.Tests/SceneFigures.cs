using System.Runtime.InteropServices;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Synthetic;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>
/// Where the people of a synthetic scene are, measured from the pixels (the renderer does not report it): the
/// background is the per-pixel median of 12 frames spread over the scene while the people move, and a person is a
/// connected region of the frame that differs from it by more than 35 levels, at least a fifth of the frame tall.
/// </summary>
internal static class SceneFigures
{
    /// <summary>Renders frame <paramref name="index"/> of <paramref name="spec"/> and the boxes of the people in it.</summary>
    public static (Mat Frame, IReadOnlyList<PixelBox> People) Render(SceneSpec spec, int index)
    {
        using var renderer = new SceneRenderer(spec);
        var samples = Enumerable.Range(0, 12).Select(i =>
        {
            var sample = new Mat();
            renderer.Render(i * spec.Frames / 12, sample);
            return sample;
        }).ToList();
        try
        {
            using var background = Median(samples);
            var frame = new Mat();
            renderer.Render(index, frame);
            return (frame, People(frame, background));
        }
        finally
        {
            samples.ForEach(s => s.Dispose());
        }
    }

    private static Mat Median(List<Mat> frames)
    {
        var length = frames[0].Rows * frames[0].Cols * 3;
        var pixels = frames.Select(f =>
        {
            var bytes = new byte[length];
            Marshal.Copy(f.Data, bytes, 0, length);
            return bytes;
        }).ToArray();
        var median = new byte[length];
        var values = new byte[frames.Count];
        for (var p = 0; p < length; p++)
        {
            for (var k = 0; k < frames.Count; k++)
            {
                values[k] = pixels[k][p];
            }

            Array.Sort(values);
            median[p] = values[values.Length / 2];
        }

        var background = new Mat(frames[0].Rows, frames[0].Cols, MatType.CV_8UC3);
        Marshal.Copy(median, 0, background.Data, length);
        return background;
    }

    private static List<PixelBox> People(Mat frame, Mat background)
    {
        using var difference = new Mat();
        Cv2.Absdiff(frame, background, difference);
        var channels = difference.Split();
        using var largest = new Mat();
        Cv2.Max(channels[0], channels[1], largest);
        Cv2.Max(largest, channels[2], largest);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        using var mask = new Mat();
        Cv2.Threshold(largest, mask, 35, 255, ThresholdTypes.Binary);

        // Joins a limb to the body across a pixel or two of background-coloured clothing; shrunk back below.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        Cv2.Dilate(mask, mask, kernel);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids);
        var people = new List<PixelBox>();
        for (var i = 1; i < count; i++)
        {
            var x = stats.At<int>(i, 0) + 2;
            var y = stats.At<int>(i, 1) + 2;
            var width = stats.At<int>(i, 2) - 4;
            var height = stats.At<int>(i, 3) - 4;
            if (height >= 0.2 * frame.Height)
            {
                people.Add(new PixelBox(x, y, x + width, y + height));
            }
        }

        return people;
    }
}
