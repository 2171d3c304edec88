using ActionNet.Cli.Tests.Support;
using ActionNet.Training;
using Xunit.Abstractions;

namespace ActionNet.Cli.Tests;

/// <summary>
/// The trained RGB demo model on synthetic scenes it never saw: top-1 in <c>actionnet eval</c>'s center mode,
/// falls reversed in time, what <c>models inspect</c> reads from it, and <c>models train</c> itself.
/// </summary>
[Collection(DemoModelCollection.Name)]
public sealed class DemoModelTests(DemoModelFixture fixture, ITestOutputHelper output)
{
    private static readonly IReadOnlyList<string> Hmdb5 = DemoModelFixture.Hmdb5;

    [Fact]
    public async Task HeldOutSyntheticScenesAreLabelledRightAtLeastNineTimesInTenInCenterMode()
    {
        var (labels, scored, accuracy, _) = await HeldOutEvaluation.CenterAsync(fixture.DatasetRoot, fixture.Report.OnnxPath, output);

        Assert.Equal(Hmdb5, labels);
        Assert.Equal(Hmdb5.Count * DemoModelFixture.HeldOutPerClass, scored);
        Assert.True(accuracy >= 0.9, $"top-1 {accuracy:P1} on the held-out set; expected at least 90%");
    }

    [Fact]
    public async Task AFallReversedInTimeDoesNotReadAsFallFloor()
    {
        // The held-out fall clips with their frames in reverse order: people getting up off the floor.
        var reversedRoot = fixture.Combine("reversed");
        var falls = Directory.GetDirectories(Path.Combine(fixture.DatasetRoot, "fall_floor"));
        foreach (var clip in falls)
        {
            var frames = Directory.GetFiles(Path.Combine(clip, "rgb"), "*.png").Order(StringComparer.Ordinal).ToArray();
            var target = Directory.CreateDirectory(Path.Combine(reversedRoot, "fall_floor", Path.GetFileName(clip), "rgb")).FullName;
            for (var i = 0; i < frames.Length; i++)
            {
                File.Copy(frames[frames.Length - 1 - i], Path.Combine(target, $"{i:D6}.png"));
            }
        }

        var forward = (await CliProcess.RunOkAsync("eval", fixture.DatasetRoot, "--model", fixture.Report.OnnxPath, "--providers", "cpu", "--json")).Json();
        var reversed = (await CliProcess.RunOkAsync("eval", reversedRoot, "--model", fixture.Report.OnnxPath, "--providers", "cpu", "--json")).Json();

        var fall = Hmdb5.ToList().IndexOf("fall_floor");
        var forwardFalls = forward.GetProperty("confusion")[fall].Ints()[fall];
        var reversedRow = reversed.GetProperty("confusion")[fall].Ints();
        output.WriteLine($"forward: {forwardFalls} of {falls.Length} read fall_floor; reversed: {string.Join(", ", Hmdb5.Select((label, i) => $"{label} {reversedRow[i]}"))}");
        Assert.True(forwardFalls >= falls.Length * 0.8, $"only {forwardFalls} of {falls.Length} falls read as fall_floor forwards");
        // A centre window that is mostly a person lying still reads the same either way, so a few
        // reversed clips may keep the label; most must lose it.
        Assert.True(reversedRow[fall] <= falls.Length * 0.2, $"{reversedRow[fall]} of {falls.Length} reversed falls still read as fall_floor: the model ignores frame order");
    }

    [Fact]
    public async Task ModelsInspectReadsTheContractOfTheTrainedModel()
    {
        var json = (await CliProcess.RunOkAsync("models", "inspect", fixture.Report.OnnxPath, "--json")).Json();

        var input = Assert.Single(json.GetProperty("inputs").EnumerateArray());
        Assert.Equal("input_rgb", input.GetProperty("name").GetString());
        Assert.Equal("packed2D", input.GetProperty("layout").GetString(), ignoreCase: true);
        Assert.Equal("fc_pred", json.GetProperty("output").GetString());
        Assert.Equal(16, json.GetProperty("frames").GetInt32());
        Assert.Equal(64, json.GetProperty("height").GetInt32());
        Assert.Equal(Hmdb5, json.GetProperty("labels").Strings());
        Assert.InRange(new FileInfo(fixture.Report.OnnxPath).Length, 1, 1024 * 1024);
    }

    [Fact]
    public async Task ModelsTrainReusesAModelTrainedWithTheSameOptionsAndPrintsItsRecord()
    {
        var run = await CliProcess.RunOkAsync("models", "train", "--out", DemoModelFixture.ModelFolder, "--json");

        var json = run.Json();
        Assert.Equal(fixture.Report.OnnxPath, json.GetProperty("onnxPath").GetString());
        Assert.Equal(DemoModelTrainer.RgbRecipeVersion, json.GetProperty("recipeVersion").GetInt32());
        Assert.Equal(1, json.GetProperty("options").GetProperty("dataSeed").GetInt32());
        Assert.Contains("reusing", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(DemoModelTrainer.ReportPathFor(fixture.Report.OnnxPath)));
    }

    [Fact]
    public void TrainingIsDeterministicFromItsSeeds()
    {
        var options = new SyntheticTrainingOptions { ScenesPerClass = 3, WindowsPerScene = 4 };

        var first = DemoModelTrainer.Train(options, fixture.Combine("small-a"));
        var second = DemoModelTrainer.Train(options, fixture.Combine("small-b"));
        var otherData = DemoModelTrainer.Train(options with { DataSeed = 5 }, fixture.Combine("small-c"));

        Assert.Equal(File.ReadAllBytes(first.OnnxPath), File.ReadAllBytes(second.OnnxPath));
        Assert.NotEqual(File.ReadAllBytes(first.OnnxPath), File.ReadAllBytes(otherData.OnnxPath));
    }

    [Fact]
    public async Task ModelsTrainRejectsAnImpossibleOption()
    {
        var run = await CliProcess.RunAsync(["models", "train", "--out", fixture.Combine("bad"), "--scenes-per-class", "0"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --scenes-per-class is 0; expected at least 1", Assert.Single(run.StderrLines));
    }
}
