using ActionNet.Cli.Tests.Support;
using ActionNet.Onnx;
using ActionNet.Training;
using ActionNet.Vision.Synthetic;
using Xunit.Abstractions;

namespace ActionNet.Cli.Tests;

/// <summary>
/// The trained optical-flow demo model (<c>input_of</c>) on the held-out scenes the RGB model is tested on:
/// top-1 in <c>actionnet eval</c>'s center mode from the flow <c>dataset prepare</c> wrote, falls reversed in
/// time, its contract as <c>models inspect</c> reads it, <c>models train --input of</c>, and determinism.
/// </summary>
[Collection(DemoModelCollection.Name)]
public sealed class FlowModelTests(DemoModelFixture fixture, ITestOutputHelper output)
{
    private static readonly IReadOnlyList<string> Hmdb5 = DemoModelFixture.Hmdb5;

    [Fact]
    public async Task HeldOutSyntheticScenesAreLabelledRightFromTheirOpticalFlowAtLeastNineTimesInTenInCenterMode()
    {
        var (labels, scored, accuracy, _) = await HeldOutEvaluation.CenterAsync(fixture.DatasetRoot, fixture.FlowReport.OnnxPath, output);

        Assert.Equal(Hmdb5, labels);
        Assert.Equal(Hmdb5.Count * DemoModelFixture.HeldOutPerClass, scored);
        Assert.True(accuracy >= 0.9, $"top-1 {accuracy:P1} on the held-out set; expected at least 90%");
    }

    [Fact]
    public async Task AFallReversedInTimeDoesNotReadAsFallFloorFromItsOpticalFlow()
    {
        // The held-out fall scenes rendered last frame first (people getting up off the floor); dataset
        // prepare computes their flow between the reversed frames, as it did for the forward ones.
        var falls = SyntheticDataset.Plan(DemoModelFixture.HeldOutDataSeed, DemoModelFixture.HeldOutPerClass, DemoModelFixture.HeldOutFrames)
            .Where(scene => scene.Action == "fall_floor")
            .ToList();
        var reversedVideos = fixture.Combine("reversed-flow-videos");
        var reversedRoot = fixture.Combine("reversed-flow");
        ReversedScenes.Write(reversedVideos, falls);
        await CliProcess.RunOkAsync("dataset", "prepare", reversedVideos, reversedRoot);

        var (_, _, _, forward) = await HeldOutEvaluation.CenterAsync(fixture.DatasetRoot, fixture.FlowReport.OnnxPath, output);
        var (_, scored, _, reversed) = await HeldOutEvaluation.CenterAsync(reversedRoot, fixture.FlowReport.OnnxPath, output);

        var fall = Hmdb5.ToList().IndexOf("fall_floor");
        output.WriteLine($"forward: {forward[fall][fall]} of {falls.Count} read fall_floor; reversed: {string.Join(", ", Hmdb5.Select((label, i) => $"{label} {reversed[fall][i]}"))}");
        Assert.Equal(falls.Count, scored);
        Assert.True(forward[fall][fall] >= falls.Count * 0.8, $"only {forward[fall][fall]} of {falls.Count} falls read as fall_floor forwards");
        // A centre window that is mostly a person lying still reads the same either way, so a few
        // reversed clips may keep the label; most must lose it.
        Assert.True(reversed[fall][fall] <= falls.Count * 0.2, $"{reversed[fall][fall]} of {falls.Count} reversed falls still read as fall_floor: the model ignores which way the flow runs");
    }

    [Fact]
    public async Task ModelsInspectReadsTheOpticalFlowContractOfTheTrainedModel()
    {
        var json = (await CliProcess.RunOkAsync("models", "inspect", fixture.FlowReport.OnnxPath, "--json")).Json();

        var input = Assert.Single(json.GetProperty("inputs").EnumerateArray());
        Assert.Equal("input_of", input.GetProperty("name").GetString());
        Assert.Equal("packed2D", input.GetProperty("layout").GetString(), ignoreCase: true);
        Assert.Equal(2, input.GetProperty("channels").GetInt32());
        Assert.Equal("fc_pred", json.GetProperty("output").GetString());
        Assert.Equal(16, json.GetProperty("frames").GetInt32());
        Assert.Equal(64, json.GetProperty("height").GetInt32());
        Assert.Equal(Hmdb5, json.GetProperty("labels").Strings());
        Assert.Equal(DemoModelTrainer.FlowModelFileName, Path.GetFileName(fixture.FlowReport.OnnxPath));
        Assert.InRange(new FileInfo(fixture.FlowReport.OnnxPath).Length, 1, 5 * 1024 * 1024);
    }

    [Fact]
    public async Task ModelsTrainWithInputOfReusesTheFlowModelAndPrintsItsRecord()
    {
        var run = await CliProcess.RunOkAsync("models", "train", "--input", "of", "--out", DemoModelFixture.ModelFolder, "--json");

        var json = run.Json();
        Assert.Equal(fixture.FlowReport.OnnxPath, json.GetProperty("onnxPath").GetString());
        Assert.Equal(DemoModelTrainer.FlowRecipeVersion, json.GetProperty("recipeVersion").GetInt32());
        Assert.Equal("flow", json.GetProperty("options").GetProperty("input").GetString());
        Assert.Contains("reusing", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(DemoModelTrainer.ReportPathFor(fixture.FlowReport.OnnxPath)));
    }

    [Fact]
    public void FlowTrainingIsDeterministicFromItsSeeds()
    {
        var options = SyntheticTrainingOptions.For(ModelInputs.Flow) with { ScenesPerClass = 3, WindowsPerScene = 4 };

        var first = DemoModelTrainer.Train(options, fixture.Combine("flow-small-a"));
        var second = DemoModelTrainer.Train(options, fixture.Combine("flow-small-b"));
        var otherData = DemoModelTrainer.Train(options with { DataSeed = 5 }, fixture.Combine("flow-small-c"));

        Assert.Equal(File.ReadAllBytes(first.OnnxPath), File.ReadAllBytes(second.OnnxPath));
        Assert.NotEqual(File.ReadAllBytes(first.OnnxPath), File.ReadAllBytes(otherData.OnnxPath));
        Assert.Equal(2 * 4 * 3 * Hmdb5.Count, first.Samples);
    }
}
