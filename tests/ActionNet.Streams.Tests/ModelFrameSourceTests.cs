using ActionNet.LocalCluster;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Streams.Tests;

/// <summary>A source asked for model frames: GPU fallback, resolution changes and odd frame sizes.</summary>
public sealed class ModelFrameSourceTests(TestMedia media, ITestOutputHelper output) : IClassFixture<TestMedia>
{
    private static readonly ModelFrameShape Model = new(224, 224);

    [Fact]
    public void CudaModelFramesFallBackToTheCpuWithOneLogLineWhereNoGpuIsPresent()
    {
        var file = media.Make("gpu-model.mp4", "testsrc2=size=320x240:rate=10", 1, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
        var log = new CountingLogger(new TestOutputLogger(output));
        var gpu = ReadAll(file, TestOptions.Fast with { UseCuda = true, ModelFrame = Model, MaxFramesPerSecond = 0 }, log, out var usedCuda);
        var cpu = ReadAll(file, TestOptions.Fast with { ModelFrame = Model, MaxFramesPerSecond = 0 }, log: null, out _);

        Assert.Equal(10, gpu.Count);
        Assert.All(gpu, f => Assert.Equal(Model.RgbBytes, f.Length));
        if (usedCuda)
        {
            output.WriteLine("a GPU decoded and scaled the frames with CUDA: the CPU fallback did not run here");
            Assert.Equal(0, log.Warnings);
            return;
        }

        Assert.Equal(1, log.Warnings);
        Assert.Contains("CUDA decoding unavailable", log.LastWarning, StringComparison.Ordinal);
        Assert.Equal(cpu, gpu);
    }

    [Fact]
    public void AStreamThatChangesResolutionKeepsDeliveringModelFrames()
    {
        var file = new GeneratedMedia(media.Folder).ResolutionChange("model-resize.ts", (320, 240), (160, 120));
        using var source = FfmpegFrameSource.Open(file, TestOptions.Fast with { ModelFrame = Model, MaxFramesPerSecond = 0 });
        using var frame = new Mat();

        // Joined MPEG-TS files lose a frame or two at the join, as the full-size test of this shows.
        Assert.InRange(TestOptions.ReadFrames(source, frame, 100), 35, 40);
        Assert.Equal((224, 224, MatType.CV_8UC3), (frame.Width, frame.Height, frame.Type()));
        Assert.Equal(1, source.ResolutionChanges);
        Assert.Equal((160, 120), (source.SourceWidth, source.SourceHeight));
    }

    [Fact]
    public void AnOddSizedStreamGivesTheModelFrameOfItsFullSizeBgrFrame()
    {
        // FFV1 keeps odd sizes (4:2:0 chroma then rounds up); the region reaches out of the frame and is clamped.
        var file = media.Make("odd.mkv", "testsrc2=size=161x121:rate=10", 1, "-c:v", "ffv1", "-pix_fmt", "yuv420p");
        var shape = new ModelFrameShape(32, 48, ResizeMode.Stretch, new Rect(100, 70, 200, 200));
        var live = ReadAll(file, TestOptions.Fast with { ModelFrame = shape, MaxFramesPerSecond = 0 }, log: null, out _);

        using var full = FfmpegFrameSource.Open(file, TestOptions.Fast with { MaxFramesPerSecond = 0 });
        using var preprocessor = new FramePreprocessor(shape.Height, shape.Width);
        using var frame = new Mat();
        var index = 0;
        double max = 0, sum = 0;
        while (full.Read(frame))
        {
            var model = new byte[preprocessor.FrameBytes];
            preprocessor.Process(frame, model, shape.Region);
            var differences = model.Zip(live[index++], (a, b) => Math.Abs(a - b) / 127.5).ToList();
            max = Math.Max(max, differences.Max());
            sum += differences.Average();
        }

        output.WriteLine($"odd-sized stream, region clamped to (100,70) 61x51: after normalisation max |difference| {max:F3}, mean {sum / index:F4}");
        Assert.Equal(10, index);
        Assert.Equal(10, live.Count);

        // Same tolerances as the parity test's sharp test patterns; a misplaced region would be far off on average.
        Assert.True(max <= 1.5 && sum / index <= 0.05, $"max difference {max:F3} (limit 1.5) or mean {sum / index:F4} (limit 0.05) too large");
    }

    private static List<byte[]> ReadAll(string file, FfmpegSourceOptions options, CountingLogger? log, out bool usedCuda)
    {
        using var source = FfmpegFrameSource.Open(file, options, log);
        using var preprocessor = new FramePreprocessor(options.ModelFrame!.Height, options.ModelFrame.Width);
        using var frame = new Mat();
        var frames = new List<byte[]>();
        while (source.Read(frame))
        {
            var model = new byte[preprocessor.FrameBytes];
            preprocessor.ProcessModelFrame(frame, model);
            frames.Add(model);
        }

        usedCuda = source.UsesCuda;
        return frames;
    }
}
