using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Evaluation;
using ActionNet.Inference.Scoring;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Synthetic;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet demo</c>: the local cluster demo (<see cref="ClusterDemo"/>); <c>actionnet demo offline</c>:
/// generates a contract-exact model and one synthetic video per action, then classifies each video; <c>actionnet demo videos &lt;out&gt;</c> writes class folders of synthetic
/// videos (input for <c>dataset prepare</c>).
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
        var preset = new Option<string>("--preset") { Description = "model preset to generate and run", DefaultValueFactory = _ => "tiny-2d-rgb" };
        var command = new Command("offline", "generate a model and videos, then classify them (no cluster needed)") { output, preset };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(output).FullName;
            var name = parse.GetRequiredValue(preset);
            var model = ModelGenerator.Write(ModelPresets.Get(name), Path.Combine(folder, name + ".onnx"));
            var videos = WriteVideos(Path.Combine(folder, "videos"), perClass: 1, frames: 96);
            using var actionModel = ActionModel.Load(model.OnnxPath);
            using var classifier = new VideoClassifier(actionModel);
            var table = new Table().AddColumns("video", "center", "conv (10 clips)", "conv confidence");
            foreach (var video in videos)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var center = classifier.Classify(video, SamplingMode.Center, cancellationToken);
                var conv = classifier.Classify(video, SamplingMode.Conv, cancellationToken);
                table.AddRow(Markup.Escape(Path.GetRelativePath(folder, video)), center.Label, conv.Label, conv.Confidence.ToString("P1", CultureInfo.InvariantCulture));
            }

            CliConsole.Out.WriteLine($"model {model.OnnxPath} ({actionModel.Contract.Inputs[0].Name}, T={actionModel.Contract.Frames}, {actionModel.Contract.Height}x{actionModel.Contract.Width}) on {actionModel.ActiveProvider}");
            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine("the generated model has random weights: labels show the pipeline works end to end, not what an NGC model would say");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Writes <paramref name="perClass"/> synthetic videos per action into <c>&lt;root&gt;/&lt;action&gt;/</c>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteVideos(string root, int perClass, int frames, int width = 320, int height = 240)
    {
        var paths = new List<string>();
        foreach (var action in SyntheticVideo.Actions)
        {
            for (var i = 0; i < perClass; i++)
            {
                var path = Path.Combine(root, action, $"{action}_{i:D2}.mp4");
                if (!File.Exists(path))
                {
                    SyntheticVideo.Write(path, action, frames, width, height, seed: i + 1);
                }

                paths.Add(path);
            }
        }

        return paths;
    }

    private static Command CreateVideos()
    {
        var output = new Argument<DirectoryInfo>("out") { Description = "folder to write <action>/<action>_NN.mp4 into" };
        var perClass = new Option<int>("--per-class") { Description = "videos per action", DefaultValueFactory = _ => 2 };
        var frames = new Option<int>("--frames") { Description = "frames per video", DefaultValueFactory = _ => 64 };
        var width = new Option<int>("--width") { DefaultValueFactory = _ => 320 };
        var height = new Option<int>("--height") { DefaultValueFactory = _ => 240 };
        var command = new Command("videos", "write class folders of synthetic action videos") { output, perClass, frames, width, height };
        command.SetAction(parse =>
        {
            var paths = WriteVideos(parse.GetRequiredValue(output).FullName, parse.GetValue(perClass), parse.GetValue(frames), parse.GetValue(width), parse.GetValue(height));
            CliConsole.Out.WriteLine($"wrote {paths.Count} video(s) under {parse.GetRequiredValue(output).FullName}");
            return 0;
        });
        return command;
    }
}
