using System.CommandLine;
using ActionNet.Cli.Output;
using ActionNet.Vision.Dataset;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet dataset prepare &lt;videos-root&gt; &lt;out-root&gt;</c>: class folders of videos into NVIDIA's TAO layout.</summary>
public static class DatasetCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create() => new("dataset", "prepare datasets in the TAO layout") { CreatePrepare() };

    private static Command CreatePrepare()
    {
        var videos = new Argument<DirectoryInfo>("videos-root") { Description = "folder of class folders holding videos (<class>/*.mp4)" };
        var output = new Argument<DirectoryInfo>("out-root") { Description = "where <class>/<clip>/rgb/*.png, u/*.jpg and v/*.jpg are written" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("prepare", "extract RGB frames and Farneback optical flow (NVIDIA's u/v encoding) from class folders of videos") { videos, output, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var root = parse.GetRequiredValue(videos);
            if (!root.Exists)
            {
                throw new CliInputException($"videos root '{root.FullName}' does not exist: expected a folder of class folders holding videos");
            }

            var preparer = new DatasetPreparer(root.FullName, parse.GetRequiredValue(output).FullName);
            var summary = CliConsole.WithProgress("preparing", report =>
                preparer.Prepare(new InlineProgress<DatasetProgress>(p => report(p.Completed, p.Total, $"{p.ClassName}/{Path.GetFileName(p.VideoPath)}")), cancellationToken));
            foreach (var failure in summary.Failures)
            {
                Console.Error.WriteLine($"warning: '{failure.VideoPath}': {failure.Message}");
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(summary);
            }
            else
            {
                CliConsole.Out.WriteLine($"prepared {summary.Prepared} clip(s), skipped {summary.Skipped} already complete, {summary.Failures.Count} failed -> {preparer.OutputRoot}");
            }

            return Task.FromResult(summary.Failures.Count == 0 ? 0 : CliErrors.Failure);
        });
        return command;
    }
}
