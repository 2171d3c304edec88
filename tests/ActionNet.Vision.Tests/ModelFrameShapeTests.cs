using ActionNet.Vision.Frames;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

/// <summary>The geometry the decoder and <see cref="FramePreprocessor"/> share, and the preprocessor's copy-only path.</summary>
public sealed class ModelFrameShapeTests
{
    [Theory]
    [InlineData(ResizeMode.Stretch, 640, 480, 224, 224)]
    [InlineData(ResizeMode.CenterCrop, 640, 480, 341, 256)]
    [InlineData(ResizeMode.CenterCrop, 480, 640, 256, 341)]
    [InlineData(ResizeMode.CenterCrop, 100, 100, 256, 256)]
    public void CentreCropScalesTheShortSideTo256ForA224Model(ResizeMode mode, int width, int height, int resizedWidth, int resizedHeight)
    {
        var shape = new ModelFrameShape(224, 224, mode);

        Assert.Equal(new Size(resizedWidth, resizedHeight), shape.ResizedSize(width, height));
        Assert.Equal(new Rect((resizedWidth - 224) / 2, (resizedHeight - 224) / 2, 224, 224), shape.CropIn(new Size(resizedWidth, resizedHeight)));
    }

    [Fact]
    public void ARegionIsClampedToTheFrameAndOneOutsideItIsRefused()
    {
        var inside = new ModelFrameShape(224, 224, ResizeMode.Stretch, new Rect(600, 400, 100, 100));
        var outside = new ModelFrameShape(224, 224, ResizeMode.Stretch, new Rect(700, 500, 10, 10));

        Assert.Equal(new Rect(600, 400, 40, 80), inside.RegionIn(640, 480));
        Assert.Equal(new Rect(0, 0, 640, 480), new ModelFrameShape(224, 224).RegionIn(640, 480));
        Assert.ThrowsAny<ArgumentException>(() => outside.RegionIn(640, 480));
    }

    [Fact]
    public void AModelFrameIsCopiedAsItIsWithoutAColourSwap()
    {
        using var rgb = new Mat(8, 6, MatType.CV_8UC3, new Scalar(10, 20, 30));
        using var preprocessor = new FramePreprocessor(8, 6);
        var model = new byte[preprocessor.FrameBytes];

        preprocessor.ProcessModelFrame(rgb, model);

        Assert.All(model.Chunk(3), pixel => Assert.Equal([10, 20, 30], pixel));
    }

    [Fact]
    public void AFrameOfAnotherSizeIsNotTakenForAModelFrame()
    {
        using var wrong = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(0));
        using var gray = new Mat(8, 6, MatType.CV_8UC1, Scalar.All(0));
        using var preprocessor = new FramePreprocessor(8, 6);
        var model = new byte[preprocessor.FrameBytes];

        Assert.Throws<ArgumentException>(() => preprocessor.ProcessModelFrame(wrong, model));
        Assert.Throws<ArgumentException>(() => preprocessor.ProcessModelFrame(gray, model));
    }
}
