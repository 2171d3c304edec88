using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet dataset prepare</c>: class folders of videos into the TAO layout, once.</summary>
public sealed class DatasetPrepareTests(PreparedDatasetFixture dataset) : IClassFixture<PreparedDatasetFixture>
{
    private static int ClipCount => PreparedDatasetFixture.Classes.Count * PreparedDatasetFixture.VideosPerClass;

    [Fact]
    public void PreparingWritesEveryFrameAsPngAndOneFewerFlowFramesAsJpg()
    {
        var run = dataset.FirstPrepare;
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal(ClipCount, json.GetProperty("prepared").GetInt32());
        Assert.Equal(0, json.GetProperty("skipped").GetInt32());
        Assert.Empty(json.GetProperty("failures").EnumerateArray());

        Assert.Equal(PreparedDatasetFixture.Classes.Order(), Directory.GetDirectories(dataset.DatasetRoot).Select(Path.GetFileName).Order());
        foreach (var clip in dataset.ClipFolders)
        {
            Assert.Equal(PreparedDatasetFixture.VideoFrames, Directory.GetFiles(Path.Combine(clip, "rgb"), "*.png").Length);
            Assert.Equal(PreparedDatasetFixture.VideoFrames - 1, Directory.GetFiles(Path.Combine(clip, "u"), "*.jpg").Length);
            Assert.Equal(PreparedDatasetFixture.VideoFrames - 1, Directory.GetFiles(Path.Combine(clip, "v"), "*.jpg").Length);
        }
    }

    [Fact]
    public async Task PreparingAgainSkipsEveryCompleteClipAndRewritesNothing()
    {
        var before = Directory.GetFiles(dataset.DatasetRoot, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var json = (await CliProcess.RunOkAsync("dataset", "prepare", dataset.VideosRoot, dataset.DatasetRoot, "--json")).Json();
        var text = await CliProcess.RunOkAsync("dataset", "prepare", dataset.VideosRoot, dataset.DatasetRoot);

        Assert.Equal(0, json.GetProperty("prepared").GetInt32());
        Assert.Equal(ClipCount, json.GetProperty("skipped").GetInt32());
        Assert.Contains($"prepared 0 clip(s), skipped {ClipCount} already complete, 0 failed", text.Stdout, StringComparison.Ordinal);
        var after = Directory.GetFiles(dataset.DatasetRoot, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(before, after);
    }
}
