using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet models generate</c> then <c>models inspect</c>: T, H and W read back from the ONNX shapes.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    // T, H and W all differ so a swapped pair would show.
    private const int T = 6;
    private const int H = 32;
    private const int W = 48;

    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("tiny-2d-rgb", "input_rgb", "[N, 18, 32, 48]")]
    [InlineData("tiny-3d-rgb", "input_rgb", "[N, 3, 6, 32, 48]")]
    [InlineData("tiny-2d-flow", "input_of", "[N, 12, 32, 48]")]
    [InlineData("probe-3d-flow", "input_of", "[N, 2, 6, 32, 48]")]
    [InlineData("tiny-joint", "input_rgb,input_of", "[N, 18, 32, 48],[N, 12, 32, 48]")]
    public async Task InspectPrintsTheClipShapeOfAGeneratedModel(string preset, string inputNames, string shapes)
    {
        var generated = (await CliProcess.RunOkAsync("models", "generate", "--preset", preset, "--frames", $"{T}", "--height", $"{H}", "--width", $"{W}", "--out", _folder.Path, "--json")).Json();
        var path = Assert.Single(generated.EnumerateArray()).GetProperty("onnxPath").GetString()!;
        Assert.True(File.Exists(path), path);

        var json = (await CliProcess.RunOkAsync("models", "inspect", path, "--json")).Json();
        var text = await CliProcess.RunOkAsync("model", "inspect", path);

        Assert.Equal((T, H, W), (json.GetProperty("frames").GetInt32(), json.GetProperty("height").GetInt32(), json.GetProperty("width").GetInt32()));
        Assert.Equal("fc_pred", json.GetProperty("output").GetString());
        var inputs = json.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(inputNames.Split(','), inputs.Select(i => i.GetProperty("name").GetString()));
        Assert.All(inputs, i => Assert.Equal((T, H, W), (i.GetProperty("frames").GetInt32(), i.GetProperty("height").GetInt32(), i.GetProperty("width").GetInt32())));
        foreach (var shape in shapes.Split(','))
        {
            Assert.Contains(shape, text.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains($"│ {T} │ {H} │ {W} │", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("output: fc_pred [N, ", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateWritesAPeopleNetDetectorPresetAtTheAskedSizeWithPersonBagFace()
    {
        var generated = (await CliProcess.RunOkAsync("models", "generate", "--preset", "peoplenet-probe", "--height", "96", "--width", "160", "--out", _folder.Path, "--json")).Json();

        var model = Assert.Single(generated.EnumerateArray());
        Assert.Equal(["person", "bag", "face"], File.ReadAllLines(model.GetProperty("labelsPath").GetString()!));
        Assert.Equal("probe", model.GetProperty("spec").GetProperty("architecture").GetString());
        Assert.Equal((96, 160), (model.GetProperty("spec").GetProperty("height").GetInt32(), model.GetProperty("spec").GetProperty("width").GetInt32()));
        Assert.True(File.Exists(model.GetProperty("onnxPath").GetString()));
    }

    [Fact]
    public async Task AnUnknownPresetListsTheActionAndDetectorPresets()
    {
        var run = await CliProcess.RunAsync(["models", "generate", "--preset", "peoplenet-resnet50", "--out", _folder.Path]);

        CliAssert.InputError(run, "unknown model preset 'peoplenet-resnet50'");
        Assert.Contains("tiny-2d-rgb", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("peoplenet-probe, peoplenet-resnet18", run.Stderr, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
