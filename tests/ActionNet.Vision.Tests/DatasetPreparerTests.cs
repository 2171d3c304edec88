using ActionNet.Vision.Dataset;
using ActionNet.Vision.Sources;

namespace ActionNet.Vision.Tests;

public sealed class DatasetPreparerTests
{
    [Fact]
    public void TwoClassesOfTwoVideosBecomeFourClipsWithNMinusOneFlowImages()
    {
        using var temp = new TempDirectory();
        WriteVideos(temp);
        var progress = new List<DatasetProgress>();

        var summary = new DatasetPreparer(temp.Combine("videos"), temp.Combine("out")).Prepare(new Collector(progress));

        Assert.Equal(4, summary.Prepared);
        Assert.Empty(summary.Failures);
        Assert.Equal([1, 2, 3, 4], progress.Select(p => p.Completed));
        Assert.All(progress, p => Assert.Equal(VideoOutcome.Prepared, p.Outcome));
        var dataset = TaoDataset.Open(temp.Combine("out"));
        Assert.Equal(["run", "walk"], dataset.Classes);
        Assert.Equal(4, dataset.Clips.Count);
        foreach (var clip in dataset.Clips)
        {
            var frames = clip.Open();
            Assert.Equal(8, frames.RgbFiles.Count);
            Assert.Equal(7, frames.UFiles.Count);
            Assert.Equal(7, frames.VFiles.Count);
            using var u = frames.ReadU(0);
            Assert.Equal((64, 48), (u.Width, u.Height));
        }
    }

    [Fact]
    public void ARerunSkipsCompleteClipsAndRedoesInterruptedOnes()
    {
        using var temp = new TempDirectory();
        WriteVideos(temp);
        var preparer = new DatasetPreparer(temp.Combine("videos"), temp.Combine("out"));
        preparer.Prepare();
        Directory.Move(temp.Combine("out", "run", "a"), temp.Combine("out", "run", ".a.partial"));

        var again = preparer.Prepare();

        Assert.Equal(1, again.Prepared);
        Assert.Equal(3, again.Skipped);
        Assert.False(Directory.Exists(temp.Combine("out", "run", ".a.partial")));
        Assert.Equal(8, Directory.GetFiles(temp.Combine("out", "run", "a", "rgb")).Length);
    }

    [Fact]
    public void ACorruptVideoIsReportedWithoutStoppingTheRun()
    {
        using var temp = new TempDirectory();
        WriteVideos(temp);
        File.WriteAllText(temp.Combine("videos", "walk", "broken.mp4"), "not a video");

        var summary = new DatasetPreparer(temp.Combine("videos"), temp.Combine("out")).Prepare();

        Assert.Equal(4, summary.Prepared);
        var failure = Assert.Single(summary.Failures);
        Assert.Contains("'broken.mp4' is not a readable video", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out", "walk", "broken")));
    }

    [Fact]
    public void AnEmptyDatasetRootIsAnError()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<VideoSourceException>(() => TaoDataset.Open(temp.Path));

        Assert.Contains("holds no clips", error.Message, StringComparison.Ordinal);
    }

    private static void WriteVideos(TempDirectory temp)
    {
        foreach (var className in new[] { "walk", "run" })
        {
            Directory.CreateDirectory(temp.Combine("videos", className));
            SyntheticFrames.WriteVideo(temp.Combine("videos", className, "a.mp4"), frames: 8);
            SyntheticFrames.WriteVideo(temp.Combine("videos", className, "b.avi"), frames: 8);
        }
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Collector(List<DatasetProgress> reports) : IProgress<DatasetProgress>
    {
        public void Report(DatasetProgress value) => reports.Add(value);
    }
}
