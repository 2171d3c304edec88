using ActionNet.Vision.Frames;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ActionNet.Vision.Tests;

public sealed class FramePreprocessorTests
{
    [Fact]
    public void PureBlueBgrBecomesRgbBlue()
    {
        using var frame = new Mat(240, 320, MatType.CV_8UC3, new Scalar(255, 0, 0));
        using var preprocessor = new FramePreprocessor(16, 16);
        var rgb = new byte[preprocessor.FrameBytes];

        preprocessor.Process(frame, rgb);

        Assert.All(rgb.Chunk(3), pixel => Assert.Equal([0, 0, 255], pixel));
    }

    [Fact]
    public void GrayAndBgraFramesAreAccepted()
    {
        using var gray = new Mat(30, 40, MatType.CV_8UC1, new Scalar(77));
        using var bgra = new Mat(30, 40, MatType.CV_8UC4, new Scalar(10, 20, 30, 255));
        using var preprocessor = new FramePreprocessor(8, 8);
        var fromGray = new byte[preprocessor.FrameBytes];
        var fromBgra = new byte[preprocessor.FrameBytes];

        preprocessor.Process(gray, fromGray);
        preprocessor.Process(bgra, fromBgra);

        Assert.All(fromGray, value => Assert.Equal(77, value));
        Assert.All(fromBgra.Chunk(3), pixel => Assert.Equal([30, 20, 10], pixel));
    }

    [Fact]
    public void StretchKeepsTheWholeFrameWhileCenterCropCutsTheSides()
    {
        // 200x50 frame whose left quarter is red: stretched to 8x8 the red covers columns 0-1;
        // centre-cropped (short side 50 -> 9, width 36, crop x 14..21) no red survives.
        using var frame = new Mat(50, 200, MatType.CV_8UC3, Scalar.All(0));
        frame[new Rect(0, 0, 50, 50)].SetTo(new Scalar(0, 0, 255));
        using var stretch = new FramePreprocessor(8, 8, ResizeMode.Stretch);
        using var crop = new FramePreprocessor(8, 8, ResizeMode.CenterCrop);
        var stretched = new byte[stretch.FrameBytes];
        var cropped = new byte[crop.FrameBytes];

        stretch.Process(frame, stretched);
        crop.Process(frame, cropped);

        for (int y = 0; y < 8; y++)
        {
            Assert.Equal(255, stretched[((y * 8) + 0) * 3]);
            Assert.Equal(255, stretched[((y * 8) + 1) * 3]);
            Assert.Equal(0, stretched[((y * 8) + 3) * 3]);
        }

        Assert.All(cropped, value => Assert.Equal(0, value));
    }

    [Fact]
    public void RegionOfInterestIsClampedToTheFrameAndUsedAlone()
    {
        using var frame = new Mat(100, 100, MatType.CV_8UC3, Scalar.All(0));
        frame[new Rect(50, 0, 50, 100)].SetTo(new Scalar(0, 255, 0));
        using var preprocessor = new FramePreprocessor(8, 8);
        var rgb = new byte[preprocessor.FrameBytes];

        preprocessor.Process(frame, rgb, new Rect(50, 0, 500, 500));

        Assert.All(rgb.Chunk(3), pixel => Assert.Equal([0, 255, 0], pixel));
    }

    [Fact]
    public void RegionOutsideTheFrameIsAnError()
    {
        using var frame = new Mat(100, 100, MatType.CV_8UC3, Scalar.All(0));
        using var preprocessor = new FramePreprocessor(8, 8);
        var rgb = new byte[preprocessor.FrameBytes];

        var error = Assert.ThrowsAny<ArgumentException>(() => preprocessor.Process(frame, rgb, new Rect(200, 200, 10, 10)));

        Assert.Contains("does not fit the 100x100 frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RawBgrBytesGiveTheSameFrameAsAMat()
    {
        using var frame = SyntheticFrames.Texture(64, 48);
        frame.GetArray(out Vec3b[] pixels);
        var bgr = pixels.SelectMany(p => new[] { p.Item0, p.Item1, p.Item2 }).ToArray();
        using var preprocessor = new FramePreprocessor(16, 16);
        var fromMat = new byte[preprocessor.FrameBytes];
        var fromBytes = new byte[preprocessor.FrameBytes];

        preprocessor.Process(frame, fromMat);
        preprocessor.ProcessBgr(bgr, 48, 64, fromBytes);

        Assert.Equal(fromMat, fromBytes);
    }
}
