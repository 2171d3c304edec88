using ActionNet.Inference.Contracts;
using ActionNet.Inference.Tests.Support;
using ActionNet.Onnx;

namespace ActionNet.Inference.Tests.Contracts;

public sealed class ModelLabelsTests(ModelDirectory models) : IClassFixture<ModelDirectory>
{
    [Fact]
    public void AnExplicitLabelsFileWinsOverTheSiblingAndIgnoresBlankLines()
    {
        var model = Generate(classes: 3);
        var labels = Path.Combine(models.Root, "mine.txt");
        File.WriteAllText(labels, "wave\n\n  clap \r\n\nnod\n");

        var contract = ModelContractReader.Read(model.OnnxPath, labels);

        Assert.Equal(["wave", "clap", "nod"], contract.Labels);
    }

    [Fact]
    public void TheSiblingLabelsFileIsUsedWhenNoneIsGiven()
    {
        var model = Generate(classes: 3);
        File.WriteAllText(ModelLabels.SiblingPathOf(model.OnnxPath), "a\nb\nc\n");

        var contract = ModelContractReader.Read(model.OnnxPath);

        Assert.Equal(model.OnnxPath[..^".onnx".Length] + ".labels.txt", ModelLabels.SiblingPathOf(model.OnnxPath));
        Assert.Equal(["a", "b", "c"], contract.Labels);
    }

    [Fact]
    public void FiveClassesWithoutAnyLabelsFileGetTheHmdb5DefaultsInIndexOrder()
    {
        var model = Generate(classes: 5);
        File.Delete(ModelLabels.SiblingPathOf(model.OnnxPath));

        var contract = ModelContractReader.Read(model.OnnxPath);

        Assert.Equal(["push", "fall_floor", "walk", "run", "ride_bike"], contract.Labels);
    }

    [Fact]
    public void OtherClassCountsWithoutLabelsAreAnError()
    {
        var model = Generate(classes: 4);
        File.Delete(ModelLabels.SiblingPathOf(model.OnnxPath));

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(model.OnnxPath));

        Assert.StartsWith("model 'tiny.onnx' has 4 classes and no labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelCountThatDiffersFromTheClassCountIsAnError()
    {
        var model = Generate(classes: 5);
        var labels = Path.Combine(models.Root, "four.txt");
        File.WriteAllLines(labels, ["push", "fall_floor", "walk", "run"]);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(model.OnnxPath, labels));

        Assert.Equal("labels file 'four.txt' does not fit model 'tiny.onnx': found 4 labels; expected 5 (the size of fc_pred's class axis)", error.Message);
    }

    [Fact]
    public void AMissingExplicitLabelsFileIsNamed()
    {
        var model = Generate(classes: 5);

        var error = Assert.Throws<ModelContractException>(() => ModelContractReader.Read(model.OnnxPath, "no-such-labels.txt"));

        Assert.Equal("labels file 'no-such-labels.txt' not found", error.Message);
    }

    private GeneratedModel Generate(int classes) =>
        ModelGenerator.Write(new ModelSpec(ModelArchitecture.Tiny, ModelDimensions.TwoD, ModelInputs.Rgb, Frames: 2, Height: 8, Width: 8, Classes: classes), models.PathFor("tiny.onnx"));
}
