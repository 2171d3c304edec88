using System.Text.Json;
using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet classify</c> on videos: sampling arithmetic, softmax, aggregation, colour order and short clips.</summary>
public sealed class ClassifyCommandTests(ClassifyFixture inputs) : IClassFixture<ClassifyFixture>
{
    private const int T = TestInputs.Frames;

    [Fact]
    public async Task CenterSamplingPicksTheMiddleClipAndItsSoftmaxPicksTheLabel()
    {
        var run = await CliProcess.RunOkAsync("classify", inputs.WalkVideo, "--model", inputs.Probe2D, "--providers", "cpu", "--json");
        var json = run.Json();

        Assert.Empty(run.StderrLines);
        Assert.Equal("center", json.GetProperty("mode").GetString());
        var frames = json.GetProperty("sourceFrames").GetInt32();
        Assert.Equal(ClassifyFixture.VideoFrames, frames);
        var labels = json.GetProperty("labels").Strings();
        Assert.Equal(3 * T, labels.Length);
        var clip = Assert.Single(json.GetProperty("clips").EnumerateArray());
        var start = (frames - T + 1) / 2;
        Assert.Equal(Enumerable.Range(start, T), clip.GetProperty("frameIndices").Ints());
        AssertClipArithmetic(clip, labels);
        NumberAssert.Close(clip.GetProperty("probabilities").Doubles(), json.GetProperty("probabilities").Doubles(), 1e-6);
        Assert.Equal(clip.GetProperty("label").GetString(), json.GetProperty("label").GetString());
        Assert.Equal(frames, json.GetProperty("decode").GetProperty("framesDecoded").GetInt32());
        Assert.False(json.GetProperty("decode").GetProperty("stoppedEarly").GetBoolean());
    }

    [Fact]
    public async Task ConvSamplingScoresTenClipsAtTaoOffsetsAndAveragesTheirSoftmax()
    {
        var run = await CliProcess.RunOkAsync("classify", inputs.WalkVideo, "--model", inputs.Probe2D, "--providers", "cpu", "--mode", "conv", "--json");
        var json = run.Json();

        var frames = json.GetProperty("sourceFrames").GetInt32();
        var labels = json.GetProperty("labels").Strings();
        var clips = json.GetProperty("clips").EnumerateArray().ToArray();
        Assert.Equal(10, clips.Length);
        var tick = (frames - T + 1) / 10.0;
        for (var x = 0; x < clips.Length; x++)
        {
            var offset = (int)Math.Floor((tick / 2) + (tick * x));
            Assert.Equal(Enumerable.Range(offset, T), clips[x].GetProperty("frameIndices").Ints());
            AssertClipArithmetic(clips[x], labels);
        }

        var mean = Enumerable.Range(0, labels.Length)
            .Select(k => clips.Average(c => c.GetProperty("probabilities")[k].GetDouble()))
            .ToArray();
        var video = json.GetProperty("probabilities").Doubles();
        NumberAssert.Close(mean, video, 1e-6);
        Assert.Equal(1.0, video.Sum(), 1e-5);
        Assert.Equal(labels[video.ArgMax()], json.GetProperty("label").GetString());
    }

    [Fact]
    public async Task AllSamplingCutsNonOverlappingClipsFromTheStart()
    {
        var run = await CliProcess.RunOkAsync("classify", inputs.WalkVideo, "--model", inputs.Probe2D, "--providers", "cpu", "--mode", "all", "--json");
        var clips = run.Json().GetProperty("clips").EnumerateArray().ToArray();

        Assert.Equal(ClassifyFixture.VideoFrames / T, clips.Length);
        for (var i = 0; i < clips.Length; i++)
        {
            Assert.Equal(Enumerable.Range(i * T, T), clips[i].GetProperty("frameIndices").Ints());
        }
    }

    [Theory]
    [InlineData("2d")]
    [InlineData("3d")]
    public async Task PureRedFramesReachTheModelAsRedPlanesInRgbOrder(string dimensions)
    {
        var model = dimensions == "2d" ? inputs.Probe2D : inputs.Probe3D;
        var run = await CliProcess.RunOkAsync("classify", inputs.RedVideo, "--model", model, "--providers", "cpu", "--json");
        var json = run.Json();

        var labels = json.GetProperty("labels").Strings();
        Assert.Equal(["R_t0", "G_t0", "B_t0"], [labels[0], labels[T], labels[2 * T]]);
        var logits = Assert.Single(json.GetProperty("clips").EnumerateArray()).GetProperty("logits").Doubles();
        // (255/255 - 0.5) / 0.5 = +1 for red, (0 - 0.5) / 0.5 = -1 for green and blue; mp4v blurs colour a little.
        Assert.All(logits[..T], r => Assert.InRange(r, 0.9, 1.0001));
        Assert.All(logits[T..(2 * T)], g => Assert.InRange(g, -1.0001, -0.9));
        Assert.All(logits[(2 * T)..], b => Assert.InRange(b, -1.0001, -0.9));
    }

    [Fact]
    public async Task AVideoShorterThanTheClipWrapsAroundInsteadOfFailing()
    {
        var run = await CliProcess.RunOkAsync("classify", inputs.ShortVideo, "--model", inputs.Probe2D, "--providers", "cpu", "--json");
        var json = run.Json();

        Assert.Equal(ClassifyFixture.ShortFrames, json.GetProperty("sourceFrames").GetInt32());
        var clip = Assert.Single(json.GetProperty("clips").EnumerateArray());
        Assert.Equal(Enumerable.Range(0, T).Select(t => t % ClassifyFixture.ShortFrames), clip.GetProperty("frameIndices").Ints());
        var logits = clip.GetProperty("logits").Doubles();
        // Wrapped frames are the same frames: plane t and plane t+F hold the same picture.
        Assert.Equal(logits[0], logits[ClassifyFixture.ShortFrames], 1e-6);
    }

    [Fact]
    public async Task TextOutputShowsTheClipTableAndTheVideosLabel()
    {
        var run = await CliProcess.RunOkAsync("classify", inputs.WalkVideo, "--model", inputs.Probe2D, "--providers", "cpu");
        var json = (await CliProcess.RunOkAsync("classify", inputs.WalkVideo, "--model", inputs.Probe2D, "--providers", "cpu", "--json")).Json();

        var start = (ClassifyFixture.VideoFrames - T + 1) / 2;
        Assert.Contains($"{start}..{start + T - 1}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($": {json.GetProperty("label").GetString()} (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("center sampling, 40 frames", run.Stdout, StringComparison.Ordinal);
    }

    private static void AssertClipArithmetic(JsonElement clip, string[] labels)
    {
        var logits = clip.GetProperty("logits").Doubles();
        var probabilities = clip.GetProperty("probabilities").Doubles();
        Assert.Equal(labels.Length, logits.Length);
        Assert.Equal(labels.Length, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 1e-5);
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        NumberAssert.Close(exp.Select(e => e / exp.Sum()), probabilities, 1e-5);
        Assert.Equal(labels[probabilities.ArgMax()], clip.GetProperty("label").GetString());
    }
}
