using ActionNet.Vision.Sources;
using Microsoft.Extensions.Logging;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Streams.Tests;

public sealed class FileAndHttpTests(TestMedia media, ITestOutputHelper output) : IClassFixture<TestMedia>
{
    private readonly TestMedia _media = media;

    [Fact]
    public async Task ProgressiveMp4OverHttpDecodesEveryFrame()
    {
        var file = _media.Make("progressive.mp4", "testsrc=size=160x120:rate=10", 2, "-c:v", "mpeg4", "-movflags", "+faststart");
        await using var http = await HttpFileServer.StartAsync(_media.Folder);
        using var source = FfmpegFrameSource.Open(http.Url(Path.GetFileName(file)), TestOptions.Fast);
        using var frame = new Mat();

        Assert.Equal(20, TestOptions.ReadFrames(source, frame, 100));
        Assert.Equal((160, 120), (frame.Width, frame.Height));
        Assert.Equal(1.9, source.LastFrameStreamTime!.Value.TotalSeconds, precision: 2);
    }

    [Fact]
    public async Task HlsPlaylistAndMjpegOverHttpDecode()
    {
        _media.Make("live.m3u8", "testsrc=size=96x64:rate=10", 2, "-c:v", "mpeg2video", "-f", "hls", "-hls_time", "1", "-hls_list_size", "0");
        _media.Make("camera.mjpeg", "testsrc=size=80x60:rate=10", 1, "-c:v", "mjpeg", "-f", "mjpeg");
        await using var http = await HttpFileServer.StartAsync(_media.Folder);
        using var frame = new Mat();

        using (var hls = FfmpegFrameSource.Open(http.Url("live.m3u8"), TestOptions.Fast))
        {
            Assert.Equal(20, TestOptions.ReadFrames(hls, frame, 100));
            Assert.Equal((96, 64), (frame.Width, frame.Height));
        }

        using var mjpeg = FfmpegFrameSource.Open(http.Url("camera.mjpeg"), TestOptions.Fast);
        Assert.Equal(10, TestOptions.ReadFrames(mjpeg, frame, 100));
        Assert.Equal((80, 60), (frame.Width, frame.Height));
    }

    [Fact]
    public void CudaDecodingFallsBackToTheCpuWithOneLogLineWhereNoGpuIsPresent()
    {
        var file = _media.Make("gpu.mp4", "testsrc=size=64x48:rate=10", 1, "-c:v", "mpeg4");
        var log = new CountingLogger(new TestOutputLogger(output));
        using var source = FfmpegFrameSource.Open(file, TestOptions.Fast with { UseCuda = true }, log);
        using var frame = new Mat();

        Assert.Equal(10, TestOptions.ReadFrames(source, frame, 100));
        if (source.UsesCuda)
        {
            output.WriteLine("a GPU decoded the frames with CUDA: the CPU fallback did not run here");
            Assert.Equal(0, log.Warnings);
            return;
        }

        Assert.Equal(1, log.Warnings);
        Assert.Contains("CUDA decoding unavailable", log.LastWarning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneByOneStreamDeliversOnePixelFrames()
    {
        var file = _media.Make("one-pixel.mkv", "color=c=red:size=16x16:rate=10", 1, "-vf", "scale=1:1,format=bgr0", "-c:v", "ffv1");
        await using var http = await HttpFileServer.StartAsync(_media.Folder);
        using var source = FfmpegFrameSource.Open(http.Url(Path.GetFileName(file)), TestOptions.Fast);
        using var frame = new Mat();

        Assert.Equal((1, 1), (source.Width, source.Height));
        Assert.Equal(10, TestOptions.ReadFrames(source, frame, 100));
        var pixel = frame.At<Vec3b>(0, 0);
        Assert.True(pixel.Item2 > 200 && pixel.Item0 < 50, $"expected red (BGR), got {pixel.Item0},{pixel.Item1},{pixel.Item2}");
    }

    [Fact]
    public void LargeStreamIsScaledDownKeepingItsAspectRatio()
    {
        var file = _media.Make("uhd.mkv", "testsrc=size=3840x2160:rate=5", 0.6, "-c:v", "mjpeg", "-q:v", "10");
        using var source = FfmpegFrameSource.Open(file, TestOptions.Fast);
        using var frame = new Mat();

        Assert.Equal((3840, 2160), (source.SourceWidth, source.SourceHeight));
        Assert.Equal((1920, 1080), (source.Width, source.Height));
        Assert.Equal(3, TestOptions.ReadFrames(source, frame, 100));
        Assert.Equal((1920, 1080), (frame.Width, frame.Height));
    }

    [Fact]
    public void FrameRateCapDropsFramesOfAFasterSourceWithoutDuplicating()
    {
        var file = _media.Make("fast.mp4", "testsrc=size=64x48:rate=30", 2, "-c:v", "mpeg4");
        using var capped = FfmpegFrameSource.Open(file, TestOptions.Fast with { MaxFramesPerSecond = 10 });
        using var slow = FfmpegFrameSource.Open(file, TestOptions.Fast with { MaxFramesPerSecond = 60 });
        using var frame = new Mat();

        Assert.Equal(10, capped.FramesPerSecond, precision: 3);
        Assert.InRange(TestOptions.ReadFrames(capped, frame, 1_000), 19, 21);
        Assert.Equal(60, TestOptions.ReadFrames(slow, frame, 1_000));
    }

    [Fact]
    public void MidStreamResolutionChangeKeepsTheProbedOutputSize()
    {
        var first = _media.Make("part-a.ts", "testsrc=size=320x240:rate=10", 1, "-c:v", "mpeg2video");
        var second = _media.Make("part-b.ts", "testsrc=size=640x360:rate=10", 1, "-c:v", "mpeg2video");
        var joined = Path.Combine(_media.Folder, "joined.ts");
        File.WriteAllBytes(joined, [.. File.ReadAllBytes(first), .. File.ReadAllBytes(second)]);
        using var source = FfmpegFrameSource.Open(joined, TestOptions.Fast);
        using var frame = new Mat();

        var frames = TestOptions.ReadFrames(source, frame, 1_000);

        Assert.InRange(frames, 15, 20);
        Assert.Equal((320, 240), (frame.Width, frame.Height));
        Assert.Equal(1, source.ResolutionChanges);
        Assert.Equal((640, 360), (source.SourceWidth, source.SourceHeight));
    }

    [Fact]
    public void TruncatedMp4WithItsIndexAtTheEndFailsWithOneLine()
    {
        var file = _media.Make("index-at-end.mp4", "testsrc=size=160x120:rate=10", 2, "-c:v", "mpeg4");
        var truncated = _media.Truncated(file, 0.6);

        var error = Assert.Throws<VideoSourceException>(() => FfmpegFrameSource.Open(truncated, TestOptions.Fast));

        Assert.Equal($"{truncated}: not a readable video: 'moov atom not found' (a truncated or unfinished MP4)", error.Message);
        Assert.Equal(StreamFault.InvalidData, error.Fault);
    }

    [Fact]
    public void TruncatedFaststartMp4EndsCleanlyAfterTheFramesItHolds()
    {
        var file = _media.Make("faststart.mp4", "testsrc=size=160x120:rate=10", 3, "-c:v", "mpeg4", "-movflags", "+faststart");
        var truncated = _media.Truncated(file, 0.5);
        using var source = FfmpegFrameSource.Open(truncated, TestOptions.Fast);
        using var frame = new Mat();

        int frames;
        try
        {
            frames = TestOptions.ReadFrames(source, frame, 1_000);
        }
        catch (VideoSourceException ex)
        {
            Assert.DoesNotContain('\n', ex.Message);
            frames = (int)source.FramesRead;
        }

        Assert.InRange(frames, 1, 29);
    }

    [Fact]
    public void LoopedFileKeepsDeliveringPastItsEnd()
    {
        var file = _media.Make("loop.mp4", "testsrc=size=64x48:rate=10", 1, "-c:v", "mpeg4");
        using var source = FfmpegFrameSource.Open(file, TestOptions.Fast with { Loop = true });
        using var frame = new Mat();

        Assert.Equal(35, TestOptions.ReadFrames(source, frame, 35));
        Assert.False(source.IsNetworkStream);
    }
}
