using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary>Arguments the CLI refuses before it contacts any cluster: one line that says what was expected, in the user's words.</summary>
public sealed class CameraArgumentTests
{
    [Theory]
    [InlineData("--stride", "99999999999", "--stride '99999999999' is invalid: expected a whole number from 1 to 1000")]
    [InlineData("--stride", "0", "expected a whole number from 1 to 1000")]
    [InlineData("--subsample", "2147483647", "--subsample '2147483647' is invalid: expected a whole number from 0 to 100")]
    [InlineData("--fps", "1e308", "--fps '1e308' is invalid: expected a number more than 0 and at most 240")]
    [InlineData("--fps", "Infinity", "--fps 'Infinity' is invalid: expected a number more than 0 and at most 240")]
    [InlineData("--fps", "NaN", "--fps 'NaN' is invalid")]
    [InlineData("--roi", "1,2", "--roi '1,2' is invalid: expected x,y,width,height")]
    [InlineData("--model", "rgb\u001b[2J", "the model profile 'rgb\\u001B[2J' holds a control character")]
    public async Task CameraNumbersAndTextOutsideTheirBoundsSayTheBound(string option, string value, string expected)
    {
        string[] model = option == "--model" ? [] : ["--model", "rgb"];
        var run = await CliProcess.RunAsync(["cameras", "add", "cam-1", "--source", "rtsp://127.0.0.1/cam", .. model, option, value, "--gateway", "127.0.0.1:1"]);

        CliAssert.InputError(run, expected);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "history", "--limit", "99999999999" }, "--limit '99999999999' is invalid: expected a whole number from 1 to 10000")]
    [InlineData(new[] { "history", "--from", "" }, "--from '' is invalid: expected now, a duration ago")]
    [InlineData(new[] { "history", "--from", "-" }, "--from '-' is invalid")]
    [InlineData(new[] { "history", "--to", "99999999999d" }, "--to '99999999999d' is invalid")]
    [InlineData(new[] { "history", "--label", "walk\nfake" }, "--label: the label 'walk\\u000Afake' holds a control character")]
    [InlineData(new[] { "history", "--min-confidence", "Infinity" }, "--min-confidence 'Infinity' is invalid: expected a number from 0 to 1")]
    [InlineData(new[] { "watch", "--count", "99999999999" }, "--count '99999999999' is invalid: expected a whole number from 1 to")]
    [InlineData(new[] { "watch", "--seconds", "Infinity" }, "--seconds 'Infinity' is invalid")]
    [InlineData(new[] { "models", "generate", "--frames", "abc" }, "--frames 'abc' is invalid: expected a whole number")]
    [InlineData(new[] { "eval", "/tmp", "--model", "x.onnx", "--mode", "bogus" }, "--mode 'bogus' is invalid: expected one of all, center, conv")]
    public async Task EveryParseErrorSaysWhatWasExpectedWithoutDotNetTypeNames(string[] arguments, string expected)
    {
        var run = await CliProcess.RunAsync([.. arguments, .. arguments[0] is "history" or "watch" ? new[] { "--gateway", "127.0.0.1:1" } : []]);

        CliAssert.InputError(run, expected);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("length (", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewLineInTheCameraIdIsShownEscaped()
    {
        var run = await CliProcess.RunAsync(["cameras", "status", "cam\nerror: forged", "--gateway", "127.0.0.1:1"]);

        CliAssert.InputError(run, "camera id 'cam\\u000Aerror: forged' is invalid");
    }
}
