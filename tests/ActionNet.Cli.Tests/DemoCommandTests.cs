using ActionNet.Cli.Tests.Support;
using OpenCvSharp;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet demo videos</c>: class folders of synthetic videos of the size asked for.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task DemoVideosWritesOneFolderPerActionWithPlayableVideosOfTheAskedSize()
    {
        var run = await CliProcess.RunOkAsync("demo", "videos", _folder.Path, "--per-class", "2", "--frames", "12", "--width", "64", "--height", "48");

        Assert.Contains("wrote 10 video(s)", run.Stdout, StringComparison.Ordinal);
        string[] actions = ["push", "fall_floor", "walk", "run", "ride_bike"];
        Assert.Equal(actions.Order(), Directory.GetDirectories(_folder.Path).Select(Path.GetFileName).Order());
        foreach (var action in actions)
        {
            var videos = Directory.GetFiles(Path.Combine(_folder.Path, action), "*.mp4");
            Assert.Equal(2, videos.Length);
            using var capture = new VideoCapture(videos[0]);
            Assert.True(capture.IsOpened(), videos[0]);
            Assert.Equal((64, 48, 12), (capture.FrameWidth, capture.FrameHeight, capture.FrameCount));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
