using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet classify</c> on one prepared clip folder (rgb/*.png, u/*.jpg, v/*.jpg) with RGB and flow models.</summary>
public sealed class FramesDirectoryClassifyTests(PreparedDatasetFixture dataset) : IClassFixture<PreparedDatasetFixture>
{
    private const int T = TestInputs.Frames;

    private string Clip => Path.Combine(dataset.DatasetRoot, "walk", "walk_00");

    [Fact]
    public async Task AnRgbClipFolderScoresExactlyLikeTheVideoItWasExtractedFrom()
    {
        var folder = (await CliProcess.RunOkAsync("classify", Clip, "--model", dataset.ProbeRgb, "--providers", "cpu", "--json")).Json();
        var video = (await CliProcess.RunOkAsync("classify", Path.Combine(dataset.VideosRoot, "walk", "walk_00.mp4"), "--model", dataset.ProbeRgb, "--providers", "cpu", "--json")).Json();

        Assert.Equal(PreparedDatasetFixture.VideoFrames, folder.GetProperty("sourceFrames").GetInt32());
        var clip = Assert.Single(folder.GetProperty("clips").EnumerateArray());
        var start = (PreparedDatasetFixture.VideoFrames - T + 1) / 2;
        Assert.Equal(Enumerable.Range(start, T), clip.GetProperty("frameIndices").Ints());
        // PNG is lossless: the folder holds the very frames the video decodes to.
        var videoClip = Assert.Single(video.GetProperty("clips").EnumerateArray());
        NumberAssert.Close(videoClip.GetProperty("logits").Doubles(), clip.GetProperty("logits").Doubles(), 1e-5);
    }

    [Fact]
    public async Task AFlowClipFolderFeedsUThenVPlanesSampledOverTheFlowFrames()
    {
        var json = (await CliProcess.RunOkAsync("classify", Clip, "--model", dataset.ProbeFlow, "--providers", "cpu", "--mode", "conv", "--json")).Json();

        var labels = json.GetProperty("labels").Strings();
        Assert.Equal([.. Enumerable.Range(0, T).Select(t => $"u_t{t}"), .. Enumerable.Range(0, T).Select(t => $"v_t{t}")], labels);
        var clips = json.GetProperty("clips").EnumerateArray().ToArray();
        Assert.Equal(10, clips.Length);
        var flowFrames = PreparedDatasetFixture.VideoFrames - 1;
        var tick = (flowFrames - T + 1) / 10.0;
        for (var x = 0; x < clips.Length; x++)
        {
            var offset = (int)Math.Floor((tick / 2) + (tick * x));
            Assert.Equal(Enumerable.Range(offset, T), clips[x].GetProperty("frameIndices").Ints());
            var logits = clips[x].GetProperty("logits").Doubles();
            Assert.Equal(2 * T, logits.Length);
            Assert.All(logits, l => Assert.InRange(l, -1.0, 1.0));
        }

        Assert.Equal(1.0, json.GetProperty("probabilities").Doubles().Sum(), 1e-5);
    }
}
