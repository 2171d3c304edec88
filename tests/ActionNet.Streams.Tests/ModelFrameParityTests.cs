using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Streams.Tests;

/// <summary>
/// The live path's model input (ffmpeg crops and scales to model size, planar YUV to RGB in process) against
/// what <c>actionnet classify</c> feeds for the same decoded frames (OpenCV decodes to BGR, FramePreprocessor
/// resizes with OpenCV bilinear), both normalised as the model sees them: (x/255 - 0.5) / 0.5.
/// </summary>
public sealed class ModelFrameParityTests(TestMedia media, ITestOutputHelper output) : IClassFixture<TestMedia>
{
    [Theory]
    [InlineData("testsrc2", ResizeMode.Stretch, 0)]
    [InlineData("gradients", ResizeMode.Stretch, 0)]
    [InlineData("mandelbrot", ResizeMode.Stretch, 0)]
    [InlineData("testsrc2", ResizeMode.CenterCrop, 0)]
    [InlineData("testsrc2", ResizeMode.Stretch, 1)]
    [InlineData("testsrc2", ResizeMode.Stretch, 2)]
    [InlineData("testsrc2", ResizeMode.CenterCrop, 2)]
    [InlineData("gradients", ResizeMode.CenterCrop, 1)]
    public void Measure(string pattern, ResizeMode mode, int withRegion)
    {
        var file = media.Make($"{pattern}-{mode}-{withRegion}.mp4", $"{pattern}=size=640x480:rate=30", 1, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
        Rect? region = withRegion switch { 1 => new Rect(100, 60, 400, 300), 2 => new Rect(101, 61, 401, 301), _ => null };
        var shape = new ModelFrameShape(224, 224, mode, region);
        var classify = ClassifyFrames(file, shape);
        var live = LiveFrames(file, shape);
        Assert.Equal(classify.Count, live.Count);
        double max = 0, sum = 0;
        var signed = new double[3];
        long n = 0;
        for (var f = 0; f < live.Count; f++)
        {
            for (var i = 0; i < live[f].Length; i++)
            {
                var d = Normalised(live[f][i]) - Normalised(classify[f][i]);
                max = Math.Max(max, Math.Abs(d));
                sum += Math.Abs(d);
                signed[i % 3] += d;
                n++;
            }
        }

        output.WriteLine($"{pattern} {mode} region={withRegion}: {live.Count} frames, max {max:F4}, mean {sum / n:F5}, signed mean R {signed[0] / n * 3:F5} G {signed[1] / n * 3:F5} B {signed[2] / n * 3:F5}");
    }

    private static double Normalised(byte x) => ((x / 255.0) - 0.5) / 0.5;

    private static List<byte[]> ClassifyFrames(string file, ModelFrameShape shape)
    {
        using var reader = VideoFileReader.Open(file);
        using var preprocessor = new FramePreprocessor(shape.Height, shape.Width, shape.Mode);
        var frames = new List<byte[]>();
        reader.ReadAll((_, frame) =>
        {
            var model = new byte[preprocessor.FrameBytes];
            preprocessor.Process(frame, model, shape.Region);
            frames.Add(model);
        });
        return frames;
    }

    private static List<byte[]> LiveFrames(string file, ModelFrameShape shape)
    {
        using var source = FfmpegFrameSource.Open(file, TestOptions.Fast with { ModelFrame = shape, MaxFramesPerSecond = 0 });
        using var preprocessor = new FramePreprocessor(shape.Height, shape.Width, shape.Mode);
        using var frame = new Mat();
        var frames = new List<byte[]>();
        while (source.Read(frame))
        {
            var model = new byte[preprocessor.FrameBytes];
            preprocessor.ProcessModelFrame(frame, model);
            frames.Add(model);
        }

        return frames;
    }
}
