using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Evaluation;
using ActionNet.Inference.Scoring;
using ActionNet.Onnx;
using ActionNet.Training;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Synthetic;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet demo</c>: the local cluster demo (<see cref="ClusterDemo"/>); <c>actionnet demo offline</c>:
/// trains (or reuses) the synthetic demo model and classifies the demo cameras' held-out scenes, one per action;
/// <c>actionnet demo videos &lt;out&gt;</c> writes class folders of synthetic videos (input for <c>dataset prepare</c>).
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "run a local cluster on generated cameras (see 'demo offline' and 'demo videos')") { CreateOffline(), CreateVideos() };
        ClusterDemo.Configure(command);
        return command;
    }

    private static Command CreateOffline()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "work folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".work", "demo")) };
        var preset = new Option<string?>("--preset") { Description = $"run a generated benchmark model with random weights (e.g. tiny-2d-rgb) instead of the trained {DemoModelTrainer.ModelFileName}" };
        var command = new Command("offline", "train (or reuse) the demo model, write held-out synthetic videos, then classify them (no cluster needed)") { output, preset };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(output).FullName;
            var name = parse.GetValue(preset);
            var modelPath = name is null
                ? DemoModelTrainer.TrainOrReuse(new SyntheticTrainingOptions(), Path.Combine(folder, "models"), new Progress<string>(line => Console.Error.WriteLine($"demo: training the demo model: {line}")), cancellationToken).OnnxPath
                : ModelGenerator.Write(ModelPresets.TryGet(name, out var spec) ? spec : throw new CliInputException($"unknown model preset '{name}': expected one of {string.Join(", ", ModelPresets.Names)}"), Path.Combine(folder, name + ".onnx")).OnnxPath;
            var videos = DemoScenes.Write(Path.Combine(folder, "videos")).Select(scene => scene.Path).ToList();
            using var actionModel = ActionModel.Load(modelPath);
            using var classifier = new VideoClassifier(actionModel);
            var table = new Table().AddColumns("video", "scene", "center", "conv (10 clips)", "conv confidence");
            foreach (var video in videos)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var center = classifier.Classify(video, SamplingMode.Center, cancellationToken);
                var conv = classifier.Classify(video, SamplingMode.Conv, cancellationToken);
                var scene = Path.GetFileName(Path.GetDirectoryName(video)) ?? "";
                table.AddRow(Markup.Escape(Path.GetRelativePath(folder, video)), Markup.Escape(scene), center.Label, conv.Label, conv.Confidence.ToString("P1", CultureInfo.InvariantCulture));
            }

            CliConsole.Out.WriteLine($"model {modelPath} ({actionModel.Contract.Inputs[0].Name}, T={actionModel.Contract.Frames}, {actionModel.Contract.Height}x{actionModel.Contract.Width}) on {actionModel.ActiveProvider}");
            CliConsole.Out.Write(table);
            if (name is not null)
            {
                CliConsole.Out.WriteLine("the generated model has random weights: labels show the pipeline works end to end, not what an NGC model would say");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>
    /// Writes <paramref name="perClass"/> synthetic scenes per action from <paramref name="dataSeed"/> into
    /// <c>&lt;root&gt;/&lt;action&gt;/&lt;action&gt;_&lt;seed&gt;.mp4</c>; returns their paths in label order.
    /// </summary>
    public static IReadOnlyList<string> WriteVideos(string root, int dataSeed, int perClass, int frames, int width = 160, int height = 120) =>
        SyntheticDataset.WriteVideos(root, SyntheticDataset.Plan(dataSeed, perClass, frames, width, height));

    private static Command CreateVideos()
    {
        var output = new Argument<DirectoryInfo>("out") { Description = "folder to write <action>/<action>_<seed>.mp4 into" };
        var perClass = new Option<int>("--per-class") { Description = "videos per action", DefaultValueFactory = _ => 2 };
        var frames = new Option<int>("--frames") { Description = "frames per video", DefaultValueFactory = _ => 48 };
        var width = new Option<int>("--width") { DefaultValueFactory = _ => 160 };
        var height = new Option<int>("--height") { DefaultValueFactory = _ => 120 };
        var dataSeed = new Option<int>("--data-seed") { Description = $"data seed of the scenes; the demo model trains on {new SyntheticTrainingOptions().DataSeed}, so any other is held out", DefaultValueFactory = _ => 2 };
        var command = new Command("videos", "write class folders of synthetic action videos (articulated people doing each action)") { output, perClass, frames, width, height, dataSeed };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(perClass);
            var length = parse.GetValue(frames);
            var (w, h) = (parse.GetValue(width), parse.GetValue(height));
            if (count < 1 || length < 1 || w < 16 || h < 16)
            {
                throw new CliInputException($"--per-class {count}, --frames {length}, --width {w}, --height {h}: expected at least 1 video of 1 frame, 16x16 pixels");
            }

            var paths = WriteVideos(parse.GetRequiredValue(output).FullName, parse.GetValue(dataSeed), count, length, w, h);
            CliConsole.Out.WriteLine($"wrote {paths.Count} video(s) under {parse.GetRequiredValue(output).FullName}");
            return 0;
        });
        return command;
    }
}
