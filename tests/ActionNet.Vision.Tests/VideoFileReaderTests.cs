using System.Diagnostics;
using ActionNet.Vision.Sources;

namespace ActionNet.Vision.Tests;

public sealed class VideoFileReaderTests
{
    [Fact]
    public void AGeneratedVideoDecodesEveryFrameWithItsSizeAndRate()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("walk.mp4");
        SyntheticFrames.WriteVideo(path, frames: 40);
        using var reader = VideoFileReader.Open(path);
        var sizes = new List<(int, int, int)>();

        var report = reader.ReadAll((index, frame) => sizes.Add((index, frame.Width, frame.Height)));

        Assert.Equal(40, report.FramesDecoded);
        Assert.Equal(40, reader.FramesClaimed);
        Assert.False(report.StoppedEarly);
        Assert.Equal((64, 48), (reader.Width, reader.Height));
        Assert.Equal(25, reader.FramesPerSecond, 1);
        Assert.Equal(Enumerable.Range(0, 40), sizes.Select(s => s.Item1));
        Assert.All(sizes, s => Assert.Equal((64, 48), (s.Item2, s.Item3)));
    }

    [Fact]
    public void ATextFileIsNotAReadableVideo()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("x.txt");
        File.WriteAllText(path, "not a video");

        var error = Assert.Throws<VideoSourceException>(() =>
        {
            using var reader = VideoFileReader.Open(path);
            reader.ReadAll((_, _) => { });
        });

        Assert.StartsWith("'x.txt' is not a readable video", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AMissingFileIsNamedInTheError()
    {
        var error = Assert.Throws<VideoSourceException>(() => VideoFileReader.Open("/nonexistent/ride.mp4"));

        Assert.Contains("'/nonexistent/ride.mp4' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedVideoReportsHowManyFramesDecoded()
    {
        // ffmpeg's AVI muxer writes the frame count in the header, so a half file still opens and
        // claims 40 frames (OpenCV's own writer leaves a half file unopenable).
        using var temp = new TempDirectory();
        var whole = temp.Combine("whole.avi");
        Ffmpeg("-loglevel error -f lavfi -i testsrc=size=64x48:rate=25 -frames:v 40 -c:v mpeg4 " + whole);
        var cut = temp.Combine("cut.avi");
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        using var reader = VideoFileReader.Open(cut);

        var report = reader.ReadAll((_, _) => { });

        Assert.True(report.StoppedEarly, $"decoded {report.FramesDecoded} of {report.FramesClaimed}");
        Assert.InRange(report.FramesDecoded, 1, 39);
        Assert.Equal($"decoded {report.FramesDecoded} of 40 frames; the rest is corrupt or truncated", report.Describe());
    }

    private static void Ffmpeg(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not start ffmpeg");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {errors}");
    }
}
