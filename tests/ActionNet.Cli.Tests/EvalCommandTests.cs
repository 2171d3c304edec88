using System.Text.Json;
using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet eval</c> on a prepared dataset whose class folders are named after the model's labels.</summary>
public sealed class EvalCommandTests(PreparedDatasetFixture dataset) : IClassFixture<PreparedDatasetFixture>
{
    private static readonly string[] Hmdb5 = ["push", "fall_floor", "walk", "run", "ride_bike"];

    private static int ClipCount => PreparedDatasetFixture.Classes.Count * PreparedDatasetFixture.VideosPerClass;

    [Theory]
    [InlineData("center", 1)]
    [InlineData("conv", 10)]
    public async Task EvalReportsAccuracyAndAConfusionMatrixThatAddUp(string mode, int clipsPerVideo)
    {
        var json = (await CliProcess.RunOkAsync("eval", dataset.DatasetRoot, "--model", dataset.TinyRgb, "--providers", "cpu", "--mode", mode, "--json")).Json();

        Assert.Equal(mode, json.GetProperty("mode").GetString());
        Assert.Equal(Hmdb5, json.GetProperty("labels").Strings());
        var scored = json.GetProperty("scored").GetInt32();
        var correct = json.GetProperty("correct").GetInt32();
        Assert.Equal(ClipCount, scored);
        Assert.Equal(0, json.GetProperty("failed").GetInt32());
        var accuracy = json.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0, 1);
        Assert.Equal(correct / (double)scored, accuracy, 1e-9);

        int[][] confusion = [.. json.GetProperty("confusion").EnumerateArray().Select(row => row.Ints())];
        Assert.Equal(Hmdb5.Length, confusion.Length);
        Assert.All(confusion, row => Assert.Equal(Hmdb5.Length, row.Length));
        Assert.Equal(ClipCount, confusion.Sum(row => row.Sum()));

        var classes = json.GetProperty("classes").EnumerateArray().ToArray();
        Assert.Equal(PreparedDatasetFixture.Classes.Order(), classes.Select(c => c.GetProperty("className").GetString()).Order());
        Assert.Equal(scored, classes.Sum(c => c.GetProperty("clips").GetInt32()));
        Assert.Equal(correct, classes.Sum(c => c.GetProperty("correct").GetInt32()));
        foreach (var c in classes)
        {
            var row = Array.IndexOf(Hmdb5, c.GetProperty("className").GetString());
            Assert.Equal(PreparedDatasetFixture.VideosPerClass, c.GetProperty("clips").GetInt32());
            Assert.Equal(c.GetProperty("clips").GetInt32(), confusion[row].Sum());
            Assert.Equal(c.GetProperty("correct").GetInt32(), confusion[row][row]);
        }

        var clips = json.GetProperty("clips").EnumerateArray().ToArray();
        Assert.Equal(ClipCount, clips.Length);
        Assert.All(clips, clip => AssertClipAgreesWithItsResult(clip, clipsPerVideo));
    }

    [Fact]
    public async Task EvalTextOutputPrintsTheAccuracyAndConfusionTables()
    {
        var run = await CliProcess.RunOkAsync("eval", dataset.DatasetRoot, "--model", dataset.TinyRgb, "--providers", "cpu");

        Assert.Contains("top-1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("overall", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("true \\ predicted", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("┌", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"on {ClipCount} clip(s), 0 unreadable", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFlowModelOnADatasetWithoutFlowFramesIsABadInputNamingTheClip()
    {
        var root = dataset.Combine("rgb-only");
        foreach (var clip in dataset.ClipFolders)
        {
            var target = Path.Combine(root, Path.GetRelativePath(dataset.DatasetRoot, clip), "rgb");
            Directory.CreateDirectory(target);
            foreach (var png in Directory.GetFiles(Path.Combine(clip, "rgb")))
            {
                File.Copy(png, Path.Combine(target, Path.GetFileName(png)));
            }
        }

        var run = await CliProcess.RunAsync(["eval", root, "--model", dataset.TinyFlow, "--providers", "cpu"]);

        CliAssert.InputError(run, "run/run_00");
        Assert.Contains("u/", run.Stderr, StringComparison.Ordinal);
    }

    private static void AssertClipAgreesWithItsResult(JsonElement clip, int clipsPerVideo)
    {
        var result = clip.GetProperty("result");
        var predicted = result.GetProperty("label").GetString();
        Assert.Equal(predicted == clip.GetProperty("className").GetString(), clip.GetProperty("correct").GetBoolean());
        Assert.Equal(clipsPerVideo, result.GetProperty("clips").GetArrayLength());
        Assert.Equal(1.0, result.GetProperty("probabilities").Doubles().Sum(), 1e-5);
    }
}
