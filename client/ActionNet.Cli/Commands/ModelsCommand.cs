using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Inference.Contracts;
using ActionNet.Onnx;
using ActionNet.Training;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet models generate|train|inspect</c> (alias <c>model</c>): make contract-exact ONNX files with
/// random weights (ActionRecognitionNet action models and PeopleNet-contract detectors), train the demo model on
/// synthetic scenes, and show what a model expects.
/// </summary>
public static class ModelsCommand
{
    /// <summary>Presets generated when none is named: the small action models, quick to write and to run.</summary>
    public static IReadOnlyList<string> DefaultPresets { get; } = [.. ModelPresets.Names.Where(n => !n.StartsWith("resnet18", StringComparison.Ordinal))];

    /// <summary>Every preset <c>models generate</c> knows: the action models, then the detectors.</summary>
    public static IReadOnlyList<string> AllPresets { get; } = [.. ModelPresets.Names, .. DetectorPresets.Names];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("models", "generate ActionRecognitionNet-contract ONNX models, or inspect one") { CreateGenerate(), CreateTrain(), CreateInspect() };
        command.Aliases.Add("model");
        return command;
    }

    private static Command CreateGenerate()
    {
        var presets = new Option<string[]>("--preset", "-p")
        {
            Description = $"preset(s) to write (default: the tiny and probe action models); any of: {string.Join(", ", AllPresets)}",
            AllowMultipleArgumentsPerToken = true,
        };
        var all = new Option<bool>("--all") { Description = "write every preset, ResNet18 2D and 3D and the PeopleNet-sized detector included (~400 MB)" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "folder to write into", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".work", "models")) };
        var frames = new Option<int?>("--frames") { Description = "T, frames per clip (default 32)" };
        var height = new Option<int?>("--height") { Description = "H in pixels (default 224; detectors 544, a multiple of 16)" };
        var width = new Option<int?>("--width") { Description = "W in pixels (default 224; detectors 960, a multiple of 16)" };
        var seed = new Option<int?>("--seed") { Description = "weight seed (default 1)" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("generate", "write ONNX models that follow NVIDIA's ActionRecognitionNet contract, or PeopleNet's detector contract") { presets, all, output, frames, height, width, seed, json };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(all) ? AllPresets : (parse.GetValue(presets) is { Length: > 0 } chosen ? chosen : DefaultPresets);
            var folder = parse.GetRequiredValue(output);
            var written = new List<object>();
            var table = new Table().AddColumns("model", "inputs", "T x H x W", "size");
            foreach (var name in names)
            {
                var path = Path.Combine(folder.FullName, name.ToLowerInvariant() + ".onnx");
                if (ModelPresets.TryGet(name, out var preset))
                {
                    var spec = preset with
                    {
                        Frames = parse.GetValue(frames) ?? preset.Frames,
                        Height = parse.GetValue(height) ?? preset.Height,
                        Width = parse.GetValue(width) ?? preset.Width,
                        Seed = parse.GetValue(seed) ?? preset.Seed,
                    };
                    var model = ModelGenerator.Write(spec, path);
                    written.Add(model);
                    table.AddRow(Markup.Escape(model.OnnxPath), $"{spec.Dimensions} {spec.Inputs}", $"{spec.Frames} x {spec.Height} x {spec.Width}", Size(model.OnnxPath));
                }
                else if (DetectorPresets.TryGet(name, out var detectorPreset))
                {
                    var spec = detectorPreset with
                    {
                        Height = parse.GetValue(height) ?? detectorPreset.Height,
                        Width = parse.GetValue(width) ?? detectorPreset.Width,
                        Seed = parse.GetValue(seed) ?? detectorPreset.Seed,
                    };
                    var detector = DetectorGenerator.Write(spec, path);
                    written.Add(detector);
                    table.AddRow(Markup.Escape(detector.OnnxPath), $"detector {DetectorGenerator.InputName}", $"- x {spec.Height} x {spec.Width}", Size(detector.OnnxPath));
                }
                else
                {
                    throw new CliInputException($"unknown model preset '{name}': expected one of {string.Join(", ", AllPresets)}");
                }
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(written);
                return 0;
            }

            CliConsole.Out.Write(table);
            return 0;
        });
        return command;
    }

    private static string Size(string path) => string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB");

    /// <summary>Where <c>models train</c> writes when no <c>--out</c> is given.</summary>
    public static string DefaultTrainFolder { get; } = Path.Combine(".work", "models", "synthetic");

    private static Command CreateTrain()
    {
        var defaults = new SyntheticTrainingOptions();
        var input = new Option<string>("--input") { Description = $"the model's input: rgb (input_rgb, {DemoModelTrainer.ModelFileName}) or of (input_of, Farneback optical flow, {DemoModelTrainer.FlowModelFileName})", DefaultValueFactory = _ => "rgb" };
        input.AcceptOnlyFromAmong("rgb", "of");
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "folder to write the model, its labels and its training record into", DefaultValueFactory = _ => new DirectoryInfo(DefaultTrainFolder) };
        var seed = new Option<int>("--seed") { Description = "trainer seed", DefaultValueFactory = _ => defaults.Seed };
        var dataSeed = new Option<int>("--data-seed") { Description = "data seed of the synthetic training scenes (held-out sets use others)", DefaultValueFactory = _ => defaults.DataSeed };
        var scenes = new Option<int>("--scenes-per-class") { Description = "training scenes per action", DefaultValueFactory = _ => defaults.ScenesPerClass };
        var frames = new Option<int>("--frames") { Description = "T, frames per clip", DefaultValueFactory = _ => defaults.Frames };
        var size = new Option<int>("--size") { Description = "H and W of the model input in pixels", DefaultValueFactory = _ => defaults.Height };
        var force = new Option<bool>("--force") { Description = "train again even when a model trained with the same options is in the folder" };
        var json = new Option<bool>("--json") { Description = "print the training record as JSON" };
        var command = new Command("train", "train a demo model (2D RGB or optical flow, fixed motion features + a linear layer fitted by ML.NET) on synthetic scenes of the five actions; reuses a model trained with the same options")
        {
            input, output, seed, dataSeed, scenes, frames, size, force, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = SyntheticTrainingOptions.For(parse.GetValue(input) == "of" ? ModelInputs.Flow : ModelInputs.Rgb) with
            {
                Seed = parse.GetValue(seed),
                DataSeed = parse.GetValue(dataSeed),
                ScenesPerClass = Positive(parse.GetValue(scenes), "--scenes-per-class"),
                Frames = AtLeast(parse.GetValue(frames), 3, "--frames"),
                Height = AtLeast(parse.GetValue(size), 8, "--size"),
                Width = AtLeast(parse.GetValue(size), 8, "--size"),
            };
            var folder = parse.GetRequiredValue(output).FullName;
            var progress = new Progress<string>(line => Console.Error.WriteLine($"train: {line}"));
            var report = parse.GetValue(force)
                ? DemoModelTrainer.Train(options, folder, progress, cancellationToken)
                : DemoModelTrainer.TrainOrReuse(options, folder, progress, cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(report);
                return Task.FromResult(0);
            }

            CliConsole.Out.WriteLine($"model:    {report.OnnxPath} ({report.ModelBytes / 1024.0:F1} KiB, {(report.Options.Input == ModelInputs.Flow ? "input_of" : "input_rgb")}, T={report.Options.Frames}, {report.Options.Height}x{report.Options.Width})");
            CliConsole.Out.WriteLine($"labels:   {string.Join(", ", report.Labels)}");
            CliConsole.Out.WriteLine($"trained:  {report.Samples} windows of {report.Options.ScenesPerClass * report.Labels.Count} scenes (data seed {report.Options.DataSeed}, seed {report.Options.Seed}), {report.Features} features");
            CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy: {report.TrainingAccuracy:P1} on the training windows ({string.Join(", ", report.Labels.Select((l, i) => $"{l} {report.TrainingClassAccuracy[i]:P0}"))})"));
            CliConsole.Out.WriteLine($"record:   {DemoModelTrainer.ReportPathFor(report.OnnxPath)}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static int Positive(int value, string option) => AtLeast(value, 1, option);

    private static int AtLeast(int value, int minimum, string option) =>
        value >= minimum ? value : throw new CliInputException($"{option} is {value}; expected at least {minimum}");

    private static Command CreateInspect()
    {
        var model = new Argument<FileInfo>("onnx") { Description = "the ONNX file" };
        var labels = new Option<FileInfo?>("--labels") { Description = "labels file, one per line in logit order" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("inspect", "print the contract detected from an ONNX file: inputs, layout, T, H, W, output and labels") { model, labels, json };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(model).FullName;
            var contract = ModelContractReader.Read(path, parse.GetValue(labels)?.FullName);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { model = path, contract.Inputs, output = contract.OutputName, contract.Frames, contract.Height, contract.Width, classes = contract.ClassCount, contract.Labels });
                return 0;
            }

            var table = new Table().AddColumns("input", "kind", "layout", "shape", "C", "T", "H", "W");
            foreach (var input in contract.Inputs)
            {
                var shape = input.Layout == TensorLayout.Packed2D
                    ? $"[N, {input.Channels * input.Frames}, {input.Height}, {input.Width}]"
                    : $"[N, {input.Channels}, {input.Frames}, {input.Height}, {input.Width}]";
                table.AddRow(input.Name, input.Kind.ToString(), input.Layout.ToString(), Markup.Escape(shape), $"{input.Channels}", $"{input.Frames}", $"{input.Height}", $"{input.Width}");
            }

            CliConsole.Out.WriteLine($"model:  {path}");
            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"output: {contract.OutputName} [N, {contract.ClassCount}]");
            CliConsole.Out.WriteLine($"labels: {string.Join(", ", contract.Labels)}");
            return 0;
        });
        return command;
    }
}
