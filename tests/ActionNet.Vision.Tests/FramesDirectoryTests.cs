using ActionNet.Vision.Sources;
using OpenCvSharp;

namespace ActionNet.Vision.Tests;

public sealed class FramesDirectoryTests
{
    [Fact]
    public void FramesAreListedInNumericOrder()
    {
        using var temp = new TempDirectory();
        var rgb = Directory.CreateDirectory(temp.Combine("clip", "rgb")).FullName;
        using var image = new Mat(4, 4, MatType.CV_8UC3, Scalar.All(9));
        foreach (var name in new[] { "img10.png", "img2.png", "img1.png" })
        {
            Cv2.ImWrite(Path.Combine(rgb, name), image);
        }

        var clip = FramesDirectory.Open(temp.Combine("clip"));

        Assert.Equal(["img1.png", "img2.png", "img10.png"], clip.RgbFiles.Select(Path.GetFileName));
        Assert.False(clip.HasFlow);
    }

    [Fact]
    public void AMissingFolderIsAnError()
    {
        var error = Assert.Throws<VideoSourceException>(() => FramesDirectory.Open("/nonexistent/clip"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFolderIsAnError()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("clip", "rgb"));

        var error = Assert.Throws<VideoSourceException>(() => FramesDirectory.Open(temp.Combine("clip")));

        Assert.Contains("holds no frames", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentUAndVCountsAreAnError()
    {
        using var temp = new TempDirectory();
        var u = Directory.CreateDirectory(temp.Combine("clip", "u")).FullName;
        var v = Directory.CreateDirectory(temp.Combine("clip", "v")).FullName;
        using var image = new Mat(4, 4, MatType.CV_8UC1, Scalar.All(128));
        Cv2.ImWrite(Path.Combine(u, "0.jpg"), image);
        Cv2.ImWrite(Path.Combine(u, "1.jpg"), image);
        Cv2.ImWrite(Path.Combine(v, "0.jpg"), image);

        var error = Assert.Throws<VideoSourceException>(() => FramesDirectory.Open(temp.Combine("clip")));

        Assert.Contains("2 images in u/ but 1 in v/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableImageIsNamedWhenRead()
    {
        using var temp = new TempDirectory();
        var rgb = Directory.CreateDirectory(temp.Combine("clip", "rgb")).FullName;
        File.WriteAllText(Path.Combine(rgb, "000000.png"), "garbage");
        var clip = FramesDirectory.Open(temp.Combine("clip"));

        var error = Assert.Throws<VideoSourceException>(() => clip.ReadRgb(0));

        Assert.Contains("000000.png' is not a readable image", error.Message, StringComparison.Ordinal);
    }
}
