using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Evaluation;
using ActionNet.Vision.Clips;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet classify &lt;video | frames-dir&gt; --model &lt;onnx&gt;</c>: per-clip scores and the video's label.</summary>
public static class ClassifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "a video file, or one clip folder in the TAO layout (rgb/*.png, and u/, v/ for flow models)" };
        var mode = new Option<SamplingMode>("--mode") { Description = "clip sampling: center, conv (10 segments, mean of softmax) or all", DefaultValueFactory = _ => SamplingMode.Center };
        var batch = new Option<int>("--batch") { Description = "clips per ONNX Runtime call", DefaultValueFactory = _ => 8 };
        var json = new Option<bool>("--json") { Description = "print JSON: every clip's frame indices, logits and probabilities" };
        var model = new ModelOptions();
        var command = new Command("classify", "classify one video or clip folder with NVIDIA's offline protocol") { input, mode, batch, json };
        model.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var source = parse.GetRequiredValue(input);
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                throw new CliInputException($"input '{source}' does not exist: expected a video file or a clip folder");
            }

            using var actionModel = model.Load(parse);
            using var classifier = new VideoClassifier(actionModel, parse.GetValue(model.Resize), parse.GetValue(batch));
            var result = classifier.Classify(source, parse.GetValue(mode), cancellationToken);
            if (result.Decode is { StoppedEarly: true } decode)
            {
                Console.Error.WriteLine($"warning: '{source}': {decode.Describe()}");
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(result);
                return Task.FromResult(0);
            }

            Print(result);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Print(Classification result)
    {
        var table = new Table().AddColumns("clip", "frames", "label", "confidence");
        for (var i = 0; i < result.Clips.Count; i++)
        {
            var clip = result.Clips[i];
            var frames = clip.FrameIndices.Count == 0 ? "-" : $"{clip.FrameIndices[0]}..{clip.FrameIndices[^1]}";
            table.AddRow($"{i}", frames, Markup.Escape(clip.Label), clip.Probabilities.Max().ToString("P1", CultureInfo.InvariantCulture));
        }

        CliConsole.Out.Write(table);
        var scores = string.Join("  ", result.Labels.Select((label, k) => $"{label} {result.Probabilities[k].ToString("F3", CultureInfo.InvariantCulture)}"));
        CliConsole.Out.WriteLine($"{result.Source}: {result.Label} ({result.Confidence.ToString("P1", CultureInfo.InvariantCulture)}) over {result.Clips.Count} clip(s), {result.Mode.ToString().ToLowerInvariant()} sampling, {result.SourceFrames} frames");
        CliConsole.Out.WriteLine(scores);
    }
}
