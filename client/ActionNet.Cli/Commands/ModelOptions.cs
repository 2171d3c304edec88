using System.CommandLine;
using ActionNet.Cli.Output;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Scoring;
using ActionNet.Vision.Frames;

namespace ActionNet.Cli.Commands;

/// <summary>The options every command that loads a model shares: the ONNX file, labels, execution providers and resize mode.</summary>
public sealed class ModelOptions
{
    /// <summary>The ONNX file.</summary>
    public Option<FileInfo> Model { get; } = new("--model", "-m") { Description = "ActionRecognitionNet ONNX file", Required = true };

    /// <summary>An optional labels file.</summary>
    public Option<FileInfo?> Labels { get; } = new("--labels") { Description = "labels file, one per line in logit order (default: <model>.labels.txt beside the model, else push, fall_floor, walk, run, ride_bike)" };

    /// <summary>Execution providers in preference order.</summary>
    public Option<string> Providers { get; } = new("--providers")
    {
        Description = "execution providers in preference order, comma-separated: tensorrt, cuda, cpu",
        DefaultValueFactory = _ => "tensorrt,cuda,cpu",
    };

    /// <summary>How frames are fitted to the model's H x W.</summary>
    public Option<ResizeMode> Resize { get; } = new("--resize")
    {
        Description = "stretch: whole frame to H x W, bilinear (NVIDIA's HMDB5 preprocessing); centercrop: short side scaled, centre crop",
        DefaultValueFactory = _ => ResizeMode.Stretch,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Model);
        command.Options.Add(Labels);
        command.Options.Add(Providers);
        command.Options.Add(Resize);
    }

    /// <summary>Loads the model the parsed options name; provider fallbacks are logged once to stderr.</summary>
    public ActionModel Load(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var model = parse.GetRequiredValue(Model);
        var options = new InferenceOptions { Providers = ParseProviders(parse.GetValue(Providers) ?? "cpu") };
        using var logging = CliLogging.Create();
        return ActionModel.Load(model.FullName, parse.GetValue(Labels)?.FullName, options, logging.CreateLogger("actionnet"));
    }

    /// <summary>Parses a comma-separated provider list such as <c>cuda,cpu</c>.</summary>
    public static IReadOnlyList<ExecutionProvider> ParseProviders(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name.ToLowerInvariant() switch
        {
            "tensorrt" or "trt" => ExecutionProvider.TensorRt,
            "cuda" => ExecutionProvider.Cuda,
            "cpu" => ExecutionProvider.Cpu,
            _ => throw new CliInputException($"unknown execution provider '{name}': expected tensorrt, cuda or cpu"),
        })];
    }
}
