using System.Diagnostics;
using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary>Bad input ends in exit code 2 and one <c>error:</c> line naming the culprit, never a stack trace.</summary>
public sealed class InputErrorTests(InputErrorFixture inputs) : IClassFixture<InputErrorFixture>
{
    [Fact]
    public async Task ATextFileAsVideoIsNamedInOneErrorLine()
    {
        var run = await Classify(inputs.TextFile);

        CliAssert.InputError(run, "notes.txt");
        Assert.Contains("not a readable video", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonexistentInputIsNamedInOneErrorLine()
    {
        var run = await Classify(inputs.Combine("missing.mp4"));

        CliAssert.InputError(run, "missing.mp4");
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFramesFolderIsNamedInOneErrorLine()
    {
        var run = await Classify(inputs.EmptyFolder);

        CliAssert.InputError(run, "empty-clip");
        Assert.Contains("no frames", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnMp4CutInHalfIsEitherRefusedInOneLineOrScoredWithAWarning()
    {
        // OpenCV's mp4 writer puts the index (moov) last, so a cut copy usually cannot be opened at all.
        var cut = Cut(inputs.Video, inputs.Combine("cut.mp4"));

        var run = await Classify(cut);

        if (run.ExitCode == 0)
        {
            AssertDecodeWarning(run, "cut.mp4");
        }
        else
        {
            CliAssert.InputError(run, "cut.mp4");
        }
    }

    [Fact]
    public async Task AnAviCutInHalfIsScoredFromTheFramesThatDecodeWithOneWarning()
    {
        // ffmpeg's AVI muxer writes the frame count in the header, so half a file still opens.
        var whole = inputs.Combine("whole.avi");
        Ffmpeg($"-loglevel error -y -f lavfi -i testsrc=size=64x48:rate=25 -frames:v 40 -c:v mpeg4 {whole}");
        var cut = Cut(whole, inputs.Combine("cut.avi"));

        var run = await Classify(cut);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertDecodeWarning(run, "cut.avi");
        Assert.InRange(run.Json().GetProperty("sourceFrames").GetInt32(), 1, 39);
    }

    [Fact]
    public async Task AFileThatIsNotOnnxAsModelIsNamedInOneErrorLine()
    {
        var run = await CliProcess.RunAsync(["classify", inputs.Video, "--model", inputs.NotOnnx, "--providers", "cpu"]);

        CliAssert.InputError(run, "notes.onnx");
    }

    [Fact]
    public async Task AMissingModelIsNamedInOneErrorLine()
    {
        var run = await CliProcess.RunAsync(["classify", inputs.Video, "--model", inputs.Combine("nope.onnx"), "--providers", "cpu"]);

        CliAssert.InputError(run, "nope.onnx");
    }

    [Theory]
    [InlineData("input-named-data.onnx", "found inputs [data ")]
    [InlineData("rank-three.onnx", "rank 3")]
    public async Task AModelThatBreaksTheTensorContractIsNamedInOneErrorLine(string model, string why)
    {
        var run = await CliProcess.RunAsync(["classify", inputs.Video, "--model", inputs.Combine(model), "--providers", "cpu"]);

        CliAssert.InputError(run, model);
        Assert.True(run.Stderr.Contains(why, StringComparison.Ordinal), run.ToString());
    }

    [Theory]
    [InlineData("eval|{tmp}/no-dataset|--model|{model}|--providers|cpu", "no-dataset")]
    [InlineData("eval|{tmp}|--model|{model}|--providers|cpu|--mode|all", "'all' is for classify")]
    [InlineData("dataset|prepare|{tmp}/no-videos|{tmp}/out", "no-videos")]
    [InlineData("models|inspect|{tmp}/no-model.onnx", "no-model.onnx")]
    [InlineData("bench|model|--model|{model}|--providers|cpu|--batch|0", "--batch '0'")]
    [InlineData("classify|{video}|--model|{model}|--providers|gpu", "'gpu'")]
    public async Task EveryCommandReportsBadInputInOneErrorLine(string arguments, string named)
    {
        var run = await CliProcess.RunAsync([.. arguments.Split('|').Select(a => a
            .Replace("{tmp}", inputs.Combine(), StringComparison.Ordinal)
            .Replace("{model}", inputs.Model, StringComparison.Ordinal)
            .Replace("{video}", inputs.Video, StringComparison.Ordinal))]);

        CliAssert.InputError(run, named);
    }

    [Fact]
    public async Task AnUnknownModeIsAParseErrorNamingTheValueAndTheOption()
    {
        var run = await CliProcess.RunAsync(["classify", inputs.Video, "--model", inputs.Model, "--providers", "cpu", "--mode", "bogus"]);

        CliAssert.InputError(run, "--mode 'bogus' is invalid: expected one of all, center, conv");
        Assert.Empty(run.Stdout);
    }

    private Task<CliRun> Classify(string input) =>
        CliProcess.RunAsync(["classify", input, "--model", inputs.Model, "--providers", "cpu", "--json"]);

    private static void AssertDecodeWarning(CliRun run, string file)
    {
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"warning: '", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Matches(@"decoded \d+ of \d+ frames", line);
        CliAssert.NoStackTrace(run);
    }

    private static string Cut(string source, string target)
    {
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(target, bytes[..(bytes.Length / 2)]);
        return target;
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
