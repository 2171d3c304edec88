using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Streams.Tests;

/// <summary>The ffmpeg command lines for model frames, on the CPU and on a GPU (checked here without one).</summary>
public sealed class ModelFrameArgumentsTests
{
    private const string Camera = "rtsp://127.0.0.1:8554/cam";

    [Fact]
    public void FullSizeFramesStayBgrAtTheStreamSize()
    {
        var args = FfmpegArguments.Decode(Camera, new FfmpegSourceOptions(), cuda: false, 640, 480);

        Assert.EndsWith("scale=640:480:flags=bilinear,format=bgr24", Filters(args), StringComparison.Ordinal);
        Assert.Equal("bgr24", After(args, "-pix_fmt"));
    }

    [Fact]
    public void CpuModelFramesAreScaledToModelSizeInFfmpegAndLeaveIt444Planar()
    {
        var options = new FfmpegSourceOptions { ModelFrame = new ModelFrameShape(224, 224) };
        var args = FfmpegArguments.Decode(Camera, options, cuda: false, 640, 480);

        Assert.EndsWith("showinfo=checksum=0,scale=224:224:flags=area,format=yuv444p", Filters(args), StringComparison.Ordinal);
        Assert.Equal("yuv444p", After(args, "-pix_fmt"));
        Assert.DoesNotContain("-hwaccel_output_format", args);
        Assert.Equal(RawPixelFormat.Yuv444, FfmpegArguments.OutputFormat(options));
    }

    [Fact]
    public void CpuRegionIsCroppedBeforeScalingAndTheCentreCropAfter()
    {
        var options = new FfmpegSourceOptions { ModelFrame = new ModelFrameShape(224, 224, ResizeMode.CenterCrop, new Rect(101, 61, 400, 300)) };
        var args = FfmpegArguments.Decode(Camera, options, cuda: false, 640, 480);

        // 400x300 with the short side at 256 is 341x256; the centred 224x224 starts at (58, 16). The region
        // scales with the stream, so a resolution change keeps the same part of the picture.
        Assert.EndsWith(
            "showinfo=checksum=0,crop=w=400*iw/640:h=300*ih/480:x=101*iw/640:y=61*ih/480:exact=1,scale=341:256:flags=area,crop=224:224:58:16:exact=1,format=yuv444p",
            Filters(args),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ARegionReachingOutOfTheFrameIsClampedToIt()
    {
        var options = new FfmpegSourceOptions { ModelFrame = new ModelFrameShape(224, 224, ResizeMode.Stretch, new Rect(600, 400, 100, 100)) };
        var args = FfmpegArguments.Decode(Camera, options, cuda: false, 640, 480);

        Assert.Contains("crop=w=40*iw/640:h=80*ih/480:x=600*iw/640:y=400*ih/480:exact=1,scale=224:224:flags=area,", Filters(args), StringComparison.Ordinal);
    }

    [Fact]
    public void GpuModelFramesDecodeAndScaleOnTheGpuAndDownloadOnlyTheModelFrame()
    {
        var options = new FfmpegSourceOptions { UseCuda = true, ModelFrame = new ModelFrameShape(224, 224) };
        var args = FfmpegArguments.Decode(Camera, options, cuda: true, 1920, 1080);
        var input = args.IndexOf("-i");

        Assert.Equal("cuda", After(args, "-hwaccel"));
        Assert.Equal("cuda", After(args, "-hwaccel_output_format"));
        Assert.True(args.IndexOf("-hwaccel") < input && args.IndexOf("-hwaccel_output_format") < input, "hardware options must come before -i");
        Assert.EndsWith("showinfo=checksum=0,scale_cuda=224:224:interp_algo=bilinear:format=yuv444p,hwdownload,format=yuv444p", Filters(args), StringComparison.Ordinal);
        Assert.Equal("yuv444p", After(args, "-pix_fmt"));
        Assert.Equal(RawPixelFormat.Yuv444, FfmpegArguments.OutputFormat(options));
    }

    [Fact]
    public void GpuCentreCropScalesTheShortSideTo256AndCropsTheCentreAfterDownload()
    {
        var options = new FfmpegSourceOptions { ModelFrame = new ModelFrameShape(224, 224, ResizeMode.CenterCrop) };
        var args = FfmpegArguments.Decode(Camera, options, cuda: true, 640, 480);

        // 640x480 with the short side at 256 is 341x256; the centred 224x224 starts at (58, 16).
        Assert.EndsWith("scale_cuda=341:256:interp_algo=bilinear:format=yuv444p,hwdownload,format=yuv444p,crop=224:224:58:16:exact=1", Filters(args), StringComparison.Ordinal);
    }

    [Fact]
    public void GpuRegionScalesTheWholeFrameSoTheRegionComesOutAtModelSize()
    {
        var options = new FfmpegSourceOptions { ModelFrame = new ModelFrameShape(224, 224, ResizeMode.Stretch, new Rect(100, 60, 320, 240)) };
        var args = FfmpegArguments.Decode(Camera, options, cuda: true, 640, 480);

        // Scale factors 224/320 and 224/240: the frame becomes 448x448 and the region starts at (70, 56).
        Assert.EndsWith("scale_cuda=448:448:interp_algo=bilinear:format=yuv444p,hwdownload,format=yuv444p,crop=224:224:70:56:exact=1", Filters(args), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFpsCapStillDropsFramesBeforeAnythingElseInModelFrameMode()
    {
        var args = FfmpegArguments.Decode(Camera, new FfmpegSourceOptions { MaxFramesPerSecond = 10, ModelFrame = new ModelFrameShape(224, 224) }, cuda: false, 640, 480);

        Assert.StartsWith("select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,0.098)',showinfo=checksum=0,", Filters(args), StringComparison.Ordinal);
    }

    private static string Filters(List<string> args) => After(args, "-vf");

    private static string After(List<string> args, string option)
    {
        var at = args.IndexOf(option);
        Assert.True(at >= 0 && at + 1 < args.Count, $"{option} is missing from: {string.Join(' ', args)}");
        return args[at + 1];
    }
}
