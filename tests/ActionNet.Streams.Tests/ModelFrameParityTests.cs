using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Streams.Tests;

/// <summary>
/// The live path's model input (ffmpeg crops and scales to model size with swscale's area filter, planar
/// YUV 4:4:4 to RGB in process) against what <c>actionnet classify</c> feeds for the same decoded frames
/// (OpenCV decodes to BGR, <see cref="FramePreprocessor"/> resizes with OpenCV bilinear), both normalised as
/// the model sees them, (x/255 - 0.5) / 0.5, so a difference of 2.0 is the whole range.
/// Measured here (2026-12, 30 frames of H.264 640x480 each, README has the table): smooth gradients max
/// 0.024 mean 0.004; testsrc2 max 0.99 mean 0.010; mandelbrot max 1.00 mean 0.014; testsrc2 centre crop
/// of an odd region max 1.47 mean 0.010. swscale filters over every source pixel it covers, OpenCV's
/// bilinear reads the two nearest: on smooth pictures they agree to a level or two, on one-pixel lines
/// (test patterns, text) single pixels can differ by most of the range. Tolerances: about 1.5x the figures.
/// </summary>
public sealed class ModelFrameParityTests(TestMedia media, ITestOutputHelper output) : IClassFixture<TestMedia>
{
    [Theory]
    [InlineData("gradients=size=640x480:rate=30:seed=7", ResizeMode.Stretch, false, 0.04, 0.006)]
    [InlineData("testsrc2=size=640x480:rate=30", ResizeMode.Stretch, false, 1.5, 0.015)]
    [InlineData("mandelbrot=size=640x480:rate=30", ResizeMode.Stretch, false, 1.5, 0.02)]
    [InlineData("testsrc2=size=640x480:rate=30", ResizeMode.CenterCrop, true, 2.0, 0.015)]
    public void LiveModelFramesMatchWhatClassifyFeedsForTheSameVideo(string pattern, ResizeMode mode, bool oddRegion, double maxTolerance, double meanTolerance)
    {
        var file = media.Make($"parity-{Guid.NewGuid():N}.mp4", pattern, 1, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
        var shape = new ModelFrameShape(224, 224, mode, oddRegion ? new Rect(101, 61, 401, 301) : null);
        var classify = ClassifyFrames(file, shape);
        var live = LiveFrames(file, shape);

        Assert.Equal(30, classify.Count);
        Assert.Equal(classify.Count, live.Count);
        double max = 0, sum = 0;
        long values = 0;
        for (var f = 0; f < live.Count; f++)
        {
            for (var i = 0; i < live[f].Length; i++)
            {
                var difference = Math.Abs(Normalised(live[f][i]) - Normalised(classify[f][i]));
                max = Math.Max(max, difference);
                sum += difference;
                values++;
            }
        }

        var mean = sum / values;
        output.WriteLine($"{pattern} {mode}{(oddRegion ? " region (101,61) 401x301" : string.Empty)}: {live.Count} frames, max |difference| {max:F3} (tolerance {maxTolerance}), mean {mean:F4} (tolerance {meanTolerance})");
        Assert.True(max <= maxTolerance, $"max difference {max:F3} exceeds {maxTolerance}");
        Assert.True(mean <= meanTolerance, $"mean difference {mean:F4} exceeds {meanTolerance}");
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
            Assert.Equal((shape.Width, shape.Height), (source.Width, source.Height));
            var model = new byte[preprocessor.FrameBytes];
            preprocessor.ProcessModelFrame(frame, model);
            frames.Add(model);
        }

        return frames;
    }
}
