using System.Text.Json;
using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary><c>actionnet detect</c>: its JSON, its table, and one-line errors for bad input.</summary>
public sealed class DetectCommandTests(DetectFixture inputs) : IClassFixture<DetectFixture>
{
    [Fact]
    public async Task JsonListsEveryFramesDetectionsWithClassConfidenceAndABoxInSourcePixels()
    {
        var run = await CliProcess.RunOkAsync("detect", inputs.Clip, "--detector", inputs.Probe, "--providers", "cpu", "--json");
        var json = run.Json();

        var frames = json.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(2, frames.Length);
        Assert.Equal(["index", "detections"], Names(frames[0]));
        Assert.Equal([0, 1], frames.Select(f => f.GetProperty("index").GetInt32()));
        Assert.Empty(frames[1].GetProperty("detections").EnumerateArray());
        var detection = Assert.Single(frames[0].GetProperty("detections").EnumerateArray());
        Assert.Equal(["class", "confidence", "box"], Names(detection));
        Assert.Equal("person", detection.GetProperty("class").GetString());
        Assert.Equal(1.0, detection.GetProperty("confidence").GetDouble(), 5);

        // The probe's box for the painted cell, in network pixels, times the source's 2x and 3x.
        var cx = (16 * DetectFixture.Column) + 0.5;
        var cy = (16 * DetectFixture.Row) + 0.5;
        var halfWidth = 70 * DetectFixture.Green / 255.0;
        var halfHeight = 140 * DetectFixture.Blue / 255.0;
        double[] expected = [(cx - halfWidth) * 2, (cy - halfHeight) * 3, (cx + halfWidth) * 2, (cy + halfHeight) * 3];
        NumberAssert.Close(expected, detection.GetProperty("box").Doubles(), 5e-3);
        Assert.Equal((320, 288), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        Assert.Equal("probe.onnx", json.GetProperty("detector").GetString());
    }

    [Fact]
    public async Task ClassesChooseWhichOfTheDetectorsClassesAreKept()
    {
        var json = (await CliProcess.RunOkAsync("detect", inputs.Clip, "--detector", inputs.Probe, "--providers", "cpu", "--classes", "bag,face", "--json")).Json();

        var detections = json.GetProperty("frames")[0].GetProperty("detections").EnumerateArray().ToArray();
        Assert.Equal(["bag", "face"], detections.Select(d => d.GetProperty("class").GetString()));
        Assert.Equal(DetectFixture.Green / 255.0, detections[0].GetProperty("confidence").GetDouble(), 5);
    }

    [Fact]
    public async Task HogOnAVideoPrintsATableOfPeopleAndASummary()
    {
        var run = await CliProcess.RunOkAsync("detect", inputs.WalkerVideo, "--detector", "hog");

        Assert.Contains("│ person │", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"hog on OpenCV: [1-9]\d* detection\(s\) in [1-9]\d* of 12 frame\(s\) of 320x240, \d+\.\d ms per frame", run.Stdout);
        Assert.All(run.StderrLines, line => Assert.StartsWith("detecting: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HogBoxesInJsonLieInsideTheFrame()
    {
        var json = (await CliProcess.RunOkAsync("detect", inputs.WalkerVideo, "--detector", "hog", "--json")).Json();

        var boxes = json.GetProperty("frames").EnumerateArray().SelectMany(f => f.GetProperty("detections").EnumerateArray()).Select(d => d.GetProperty("box").Doubles()).ToArray();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(b[0] >= 0 && b[1] >= 0 && b[0] < b[2] && b[1] < b[3] && b[2] <= 320 && b[3] <= 240, string.Join(", ", b)));
    }

    [Theory]
    [InlineData("detect|{tmp}/missing.mp4|--detector|hog", "missing.mp4")]
    [InlineData("detect|{notvideo}|--detector|hog", "notes.mp4")]
    [InlineData("detect|{tmp}/empty-clip|--detector|hog", "empty-clip' holds no frames")]
    [InlineData("detect|{video}|--detector|{action}", "ActionRecognitionNet action model")]
    [InlineData("detect|{video}|--detector|{tmp}/absent.onnx", "model file 'absent.onnx' not found")]
    [InlineData("detect|{video}|--detector|yolo", "unknown detector 'yolo': expected hog or the path of a PeopleNet-contract .onnx file")]
    [InlineData("detect|{video}|--detector|{probe}|--classes|car", "no class 'car': expected any of person, bag, face")]
    [InlineData("detect|{video}|--detector|hog|--classes|face", "it only finds person")]
    [InlineData("detect|{video}|--detector|hog|--threshold|2", "--threshold '2' is invalid")]
    public async Task BadInputIsReportedInOneErrorLine(string arguments, string named)
    {
        var run = await CliProcess.RunAsync([.. arguments.Split('|').Select(a => a
            .Replace("{tmp}", inputs.Combine(), StringComparison.Ordinal)
            .Replace("{notvideo}", inputs.NotAVideo, StringComparison.Ordinal)
            .Replace("{video}", inputs.WalkerVideo, StringComparison.Ordinal)
            .Replace("{action}", inputs.ActionModel, StringComparison.Ordinal)
            .Replace("{probe}", inputs.Probe, StringComparison.Ordinal))]);

        CliAssert.InputError(run, named);
        Assert.Empty(run.Stdout);
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
