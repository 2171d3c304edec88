using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Evaluation;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Dataset;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet eval &lt;dataset-root&gt; --model &lt;onnx&gt;</c>: per-class and overall top-1 accuracy and a confusion matrix.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var root = new Argument<DirectoryInfo>("dataset-root") { Description = "a dataset in the TAO layout: <class>/<clip>/rgb/*.png (u/, v/ for flow models)" };
        var mode = new Option<SamplingMode>("--mode") { Description = "center (one clip) or conv (10 segments, mean of softmax)", DefaultValueFactory = _ => SamplingMode.Center };
        var batch = new Option<int>("--batch") { Description = "clips per ONNX Runtime call", DefaultValueFactory = _ => 8 };
        var json = new Option<bool>("--json") { Description = "print JSON, with every clip's frame indices and probabilities" };
        var model = new ModelOptions();
        var command = new Command("eval", "evaluate a model on a labelled dataset with NVIDIA's protocol") { root, mode, batch, json };
        model.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var sampling = parse.GetValue(mode);
            if (sampling == SamplingMode.All)
            {
                throw new CliInputException("eval --mode must be center or conv (NVIDIA's evaluation protocols); 'all' is for classify");
            }

            var dataset = TaoDataset.Open(parse.GetRequiredValue(root).FullName);
            using var actionModel = model.Load(parse);
            var evaluator = new DatasetEvaluator(actionModel, parse.GetValue(model.Resize), parse.GetValue(batch));
            var report = CliConsole.WithProgress("evaluating", progress =>
                evaluator.Evaluate(dataset, sampling, new InlineProgress<EvaluationProgress>(p => progress(p.Completed, p.Total, $"{p.Last.ClassName}/{p.Last.Clip}")), cancellationToken));
            foreach (var failed in report.Clips.Where(c => c.Error is not null))
            {
                Console.Error.WriteLine($"warning: clip '{failed.ClassName}/{failed.Clip}' skipped: {failed.Error}");
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    report.Model,
                    report.Mode,
                    report.Labels,
                    accuracy = report.Accuracy,
                    report.Scored,
                    report.Correct,
                    report.Failed,
                    classes = report.Classes.Select(c => new { className = c.ClassName, c.Clips, c.Correct, c.Accuracy }),
                    report.Confusion,
                    report.Clips,
                });
                return Task.FromResult(0);
            }

            Print(report);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Print(EvaluationReport report)
    {
        var classes = new Table().AddColumns("class", "clips", "correct", "top-1");
        foreach (var c in report.Classes)
        {
            classes.AddRow(Markup.Escape(c.ClassName), $"{c.Clips}", $"{c.Correct}", c.Accuracy.ToString("P1", CultureInfo.InvariantCulture));
        }

        classes.AddRow("[bold]overall[/]", $"{report.Scored}", $"{report.Correct}", $"[bold]{report.Accuracy.ToString("P1", CultureInfo.InvariantCulture)}[/]");
        CliConsole.Out.Write(classes);

        var confusion = new Table().AddColumn("true \\ predicted");
        foreach (var label in report.Labels)
        {
            confusion.AddColumn(Markup.Escape(label));
        }

        for (var t = 0; t < report.Labels.Count; t++)
        {
            confusion.AddRow([Markup.Escape(report.Labels[t]), .. report.Confusion[t].Select(n => $"{n}")]);
        }

        CliConsole.Out.Write(confusion);
        CliConsole.Out.WriteLine($"{report.Mode.ToString().ToLowerInvariant()} evaluation of {Path.GetFileName(report.Model)}: top-1 {report.Accuracy.ToString("P2", CultureInfo.InvariantCulture)} on {report.Scored} clip(s), {report.Failed} unreadable");
    }
}
