using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActionNet.Onnx;
using ActionNet.Vision.Synthetic;

namespace ActionNet.Training;

/// <summary>
/// Trains a demo model, RGB or optical flow: renders synthetic training scenes of the five actions as looping
/// MP4 videos, cuts windows from them with the project's own reader, <c>FramePreprocessor</c>,
/// <c>ClipBuilder</c> and (flow) <c>DatasetPreparer</c> (see <see cref="TrainingFeatures"/>), packs them with
/// <c>ClipPacker</c>, runs the fixed feature extractor, standardises the features and fits a linear layer with
/// ML.NET's L-BFGS maximum-entropy trainer; the standardisation is folded into the layer, which is exported
/// through the project's ONNX writer as <see cref="MotionFeatureModel"/>.
/// </summary>
public static class DemoModelTrainer
{
    /// <summary>The RGB model's recipe version, bumped whenever the renderer, its features or the trainer change what it would be.</summary>
    public const int RgbRecipeVersion = 5;

    /// <summary>The flow model's recipe version, bumped whenever the renderer, its features or the trainer change what it would be.</summary>
    public const int FlowRecipeVersion = 1;

    /// <summary>The RGB model's file name (the model the demo serves).</summary>
    public const string ModelFileName = "synthetic-2d-rgb.onnx";

    /// <summary>The optical-flow model's file name.</summary>
    public const string FlowModelFileName = "synthetic-2d-of.onnx";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The recipe version of the model taking <paramref name="input"/>.</summary>
    public static int RecipeVersionOf(ModelInputs input) => input == ModelInputs.Flow ? FlowRecipeVersion : RgbRecipeVersion;

    /// <summary>The file name of the model taking <paramref name="input"/>.</summary>
    public static string ModelFileNameOf(ModelInputs input) => input == ModelInputs.Flow ? FlowModelFileName : ModelFileName;

    /// <summary>The training record written next to <paramref name="onnxPath"/>.</summary>
    public static string ReportPathFor(string onnxPath) => Path.ChangeExtension(onnxPath, ".training.json");

    /// <summary>
    /// Returns the model in <paramref name="folder"/> when one trained with the same options and recipe
    /// version is there; otherwise trains it. A lock file in the folder makes concurrent callers (test
    /// projects, a demo) wait for one training instead of each running their own.
    /// </summary>
    public static TrainingReport TrainOrReuse(SyntheticTrainingOptions options, string folder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        folder = Directory.CreateDirectory(folder).FullName;
        using var gate = Lock(Path.Combine(folder, ".training.lock"), cancellationToken);
        var onnx = Path.Combine(folder, ModelFileNameOf(options.Input));
        var labels = ModelGenerator.LabelsPathFor(onnx);
        var existing = TryRead(ReportPathFor(onnx));
        if (existing is not null && existing.RecipeVersion == RecipeVersionOf(options.Input) && existing.Options == options && File.Exists(onnx) && File.Exists(labels))
        {
            progress?.Report($"reusing {onnx}, trained with the same options");

            // The folder may have been copied or moved since: the files are the ones here.
            return existing with { OnnxPath = onnx, LabelsPath = labels };
        }

        return Train(options, folder, progress, cancellationToken);
    }

    /// <summary>Reads a training record, or null when there is none or it cannot be read.</summary>
    public static TrainingReport? TryRead(string reportPath)
    {
        try
        {
            return File.Exists(reportPath) ? JsonSerializer.Deserialize<TrainingReport>(File.ReadAllText(reportPath), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Trains the model into <paramref name="folder"/>: the ONNX file, its labels and its training record.</summary>
    public static TrainingReport Train(SyntheticTrainingOptions options, string folder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        folder = Directory.CreateDirectory(folder).FullName;
        var labels = SyntheticVideo.Actions;
        var scenes = SyntheticDataset.Plan(options.DataSeed, options.ScenesPerClass, options.SceneFrames, options.SceneWidth, options.SceneHeight, loop: true, varyLength: true);

        var clock = Stopwatch.StartNew();
        var videos = Path.Combine(folder, ".training-scenes");
        var paths = SyntheticDataset.WriteVideos(videos, scenes);
        var renderSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"rendered {scenes.Count} training scenes in {renderSeconds:F1} s");

        clock.Restart();
        (float[][] Features, IReadOnlyList<int> Classes, double PrepareSeconds) training;
        using (var extractor = new ClipFeatureExtractor(options.Input, options.Frames, options.Height, options.Width))
        {
            training = TrainingFeatures.Extract(extractor, options, scenes, videos, paths, Path.Combine(folder, ".training-dataset"), progress, cancellationToken);
        }

        var (features, classes, prepareSeconds) = training;
        var featureSeconds = clock.Elapsed.TotalSeconds - prepareSeconds;
        progress?.Report($"cut {features.Length} windows and extracted {features[0].Length} features each in {featureSeconds:F1} s");

        clock.Restart();
        var head = LinearLayerFit.Fit(features, classes, labels.Count, options);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"fitted the linear layer in {fitSeconds:F1} s");

        var onnx = Path.Combine(folder, ModelFileNameOf(options.Input));
        MotionFeatureModel.Build(options.Input, options.Frames, options.Height, options.Width, head).Save(onnx);
        var labelsPath = ModelGenerator.LabelsPathFor(onnx);
        File.WriteAllText(labelsPath, string.Join('\n', labels) + "\n", new UTF8Encoding(false));

        var (accuracy, perClass) = LinearLayerFit.Accuracy(features, classes, head);
        var report = new TrainingReport
        {
            RecipeVersion = RecipeVersionOf(options.Input),
            Options = options,
            OnnxPath = onnx,
            LabelsPath = labelsPath,
            Labels = labels,
            Samples = features.Length,
            Features = features[0].Length,
            TrainingAccuracy = accuracy,
            TrainingClassAccuracy = perClass,
            RenderSeconds = Math.Round(renderSeconds, 2),
            PrepareSeconds = Math.Round(prepareSeconds, 2),
            FeatureSeconds = Math.Round(featureSeconds, 2),
            FitSeconds = Math.Round(fitSeconds, 2),
            ModelBytes = new FileInfo(onnx).Length,
        };
        File.WriteAllText(ReportPathFor(onnx), JsonSerializer.Serialize(report, Json) + "\n", new UTF8Encoding(false));
        Directory.Delete(videos, recursive: true);
        return report;
    }

    private static FileStream Lock(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another process is training into this folder: wait for it, then reuse its model.
                Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).GetAwaiter().GetResult();
            }
        }
    }
}
