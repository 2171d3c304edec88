using System.Globalization;
using Xunit.Abstractions;

namespace ActionNet.Cli.Tests.Support;

/// <summary><c>actionnet eval</c> of a demo model on a TAO dataset, its confusion matrix written to the test output.</summary>
public static class HeldOutEvaluation
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="datasetRoot"/> in center mode; returns the labels, clips scored, top-1 and the confusion matrix (rows true, columns predicted).</summary>
    public static async Task<(string[] Labels, int Scored, double Accuracy, int[][] Confusion)> CenterAsync(string datasetRoot, string model, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var json = (await CliProcess.RunOkAsync("eval", datasetRoot, "--model", model, "--providers", "cpu", "--mode", "center", "--json")).Json();
        var labels = json.GetProperty("labels").Strings();
        int[][] confusion = [.. json.GetProperty("confusion").EnumerateArray().Select(row => row.Ints())];
        var accuracy = json.GetProperty("accuracy").GetDouble();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(model)}: top-1 {accuracy:P1}; confusion (rows true, columns predicted, {string.Join(", ", labels)}):"));
        foreach (var (row, i) in confusion.Select((row, i) => (row, i)))
        {
            output.WriteLine($"{labels[i],-11} {string.Join(" ", row.Select(v => $"{v,3}"))}");
        }

        return (labels, json.GetProperty("scored").GetInt32(), accuracy, confusion);
    }
}
