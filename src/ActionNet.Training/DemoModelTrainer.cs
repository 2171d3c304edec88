using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ActionNet.Inference.Packing;
using ActionNet.Onnx;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;
using ActionNet.Vision.Synthetic;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ActionNet.Training;

/// <summary>
/// Trains the demo model: renders synthetic training scenes of the five actions as looping MP4 videos,
/// decodes and preprocesses them with the project's own reader and <see cref="FramePreprocessor"/>, cuts
/// windows with <see cref="ClipBuilder"/> (over the loop point too, as a looping camera does), packs them
/// with <see cref="ClipPacker"/>, runs the fixed feature extractor, standardises the features and fits a
/// linear layer with ML.NET's L-BFGS maximum-entropy trainer; the standardisation is folded into the layer,
/// which is exported through the project's ONNX writer as <see cref="MotionFeatureModel"/>.
/// </summary>
public static class DemoModelTrainer
{
    /// <summary>Bumped whenever the renderer, the features or the trainer change what a model would be.</summary>
    public const int RecipeVersion = 5;

    /// <summary>The model's file name.</summary>
    public const string ModelFileName = "synthetic-2d-rgb.onnx";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

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
        var onnx = Path.Combine(folder, ModelFileName);
        var labels = ModelGenerator.LabelsPathFor(onnx);
        var existing = TryRead(ReportPathFor(onnx));
        if (existing is not null && existing.RecipeVersion == RecipeVersion && existing.Options == options && File.Exists(onnx) && File.Exists(labels))
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
        var clips = new List<ClipFrames>();
        var classes = new List<int>();
        var spec = new ClipSpec(options.Frames, options.Height, options.Width, NeedsRgb: true, NeedsFlow: false);
        using (var builder = new ClipBuilder(spec))
        using (var preprocessor = new FramePreprocessor(options.Height, options.Width))
        {
            for (var i = 0; i < scenes.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var clip in LoopWindows(paths[i], builder, preprocessor, options.WindowsPerScene, cancellationToken))
                {
                    clips.Add(clip);
                    classes.Add(labels.ToList().IndexOf(scenes[i].Action));
                }
            }
        }

        float[][] features;
        using (var extractor = new ClipFeatureExtractor(options.Frames, options.Height, options.Width))
        {
            features = extractor.Extract(clips);
        }

        var featureSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"cut {clips.Count} windows and extracted {features[0].Length} features each in {featureSeconds:F1} s");

        clock.Restart();
        var head = Fit(features, classes, labels.Count, options);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"fitted the linear layer in {fitSeconds:F1} s");

        var onnx = Path.Combine(folder, ModelFileName);
        MotionFeatureModel.Build(options.Frames, options.Height, options.Width, head).Save(onnx);
        var labelsPath = ModelGenerator.LabelsPathFor(onnx);
        File.WriteAllText(labelsPath, string.Join('\n', labels) + "\n", new UTF8Encoding(false));

        var (accuracy, perClass) = Accuracy(features, classes, head);
        var report = new TrainingReport
        {
            RecipeVersion = RecipeVersion,
            Options = options,
            OnnxPath = onnx,
            LabelsPath = labelsPath,
            Labels = labels,
            Samples = clips.Count,
            Features = features[0].Length,
            TrainingAccuracy = accuracy,
            TrainingClassAccuracy = perClass,
            RenderSeconds = Math.Round(renderSeconds, 2),
            FeatureSeconds = Math.Round(featureSeconds, 2),
            FitSeconds = Math.Round(fitSeconds, 2),
            ModelBytes = new FileInfo(onnx).Length,
        };
        File.WriteAllText(ReportPathFor(onnx), JsonSerializer.Serialize(report, Json) + "\n", new UTF8Encoding(false));
        Directory.Delete(videos, recursive: true);
        return report;
    }

    /// <summary>
    /// Decodes a looping scene, preprocesses every frame to model resolution, and cuts
    /// <paramref name="windows"/> evenly spaced windows (<see cref="SamplingMode.Conv"/>) over its loop:
    /// the frames are followed by the first T - 1 again, so windows near the end run over the loop point
    /// into the start, as a looping camera's windows do.
    /// </summary>
    private static IReadOnlyList<ClipFrames> LoopWindows(string video, ClipBuilder builder, FramePreprocessor preprocessor, int windows, CancellationToken cancellationToken)
    {
        var frames = new List<byte[]>();
        using (var reader = VideoFileReader.Open(video))
        {
            reader.ReadAll(
                (_, frame) =>
                {
                    var rgb = new byte[preprocessor.FrameBytes];
                    preprocessor.Process(frame, rgb);
                    frames.Add(rgb);
                },
                cancellationToken);
        }

        var length = builder.Spec.Length;
        List<byte[]> looped = [.. frames, .. frames.Take(Math.Min(frames.Count, length - 1))];
        return [.. builder.FromFrames(looped, SamplingMode.Conv, windows, Path.GetFileName(video)).Clips.Select(c => c.Rgb!)];
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

    private static (double[] Mean, double[] Deviation) Moments(float[][] features)
    {
        var dimensions = features[0].Length;
        var mean = new double[dimensions];
        var deviation = new double[dimensions];
        foreach (var row in features)
        {
            for (var j = 0; j < dimensions; j++)
            {
                mean[j] += row[j] / features.Length;
            }
        }

        foreach (var row in features)
        {
            for (var j = 0; j < dimensions; j++)
            {
                deviation[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / features.Length;
            }
        }

        for (var j = 0; j < dimensions; j++)
        {
            deviation[j] = Math.Max(Math.Sqrt(deviation[j]), 1e-4);
        }

        return (mean, deviation);
    }

    private static LinearHead Fit(float[][] features, IReadOnlyList<int> classes, int classCount, SyntheticTrainingOptions options)
    {
        var dimensions = features[0].Length;
        var (mean, deviation) = Moments(features);
        var rows = features.Select((row, i) => new TrainingRow
        {
            Label = (uint)classes[i],
            Features = [.. row.Select((v, j) => (float)((v - mean[j]) / deviation[j]))],
        });
        var context = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        var data = context.Data.LoadFromEnumerable(rows, schema);
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = options.L2,
            L1Regularization = 0,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 1000,
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var count);
        if (count != classCount)
        {
            throw new InvalidOperationException($"the trainer returned {count} classes; expected {classCount}");
        }

        var biases = model.GetBiases().ToArray();

        // Fold the standardisation into the layer: W (x - mean) / sd + b = (W / sd) x + (b - W mean / sd).
        var folded = new float[classCount * dimensions];
        var foldedBias = new float[classCount];
        for (var k = 0; k < classCount; k++)
        {
            var w = weights[k].DenseValues().ToArray();
            double bias = biases[k];
            for (var j = 0; j < dimensions; j++)
            {
                folded[(k * dimensions) + j] = (float)(w[j] / deviation[j]);
                bias -= w[j] * mean[j] / deviation[j];
            }

            foldedBias[k] = (float)bias;
        }

        return new LinearHead(folded, foldedBias);
    }

    private static (double Overall, IReadOnlyList<double> PerClass) Accuracy(float[][] features, IReadOnlyList<int> classes, LinearHead head)
    {
        var hits = new int[head.Classes];
        var totals = new int[head.Classes];
        for (var i = 0; i < features.Length; i++)
        {
            var best = 0;
            var bestScore = double.NegativeInfinity;
            for (var k = 0; k < head.Classes; k++)
            {
                double score = head.Biases[k];
                for (var j = 0; j < head.Features; j++)
                {
                    score += head.Weights[(k * head.Features) + j] * features[i][j];
                }

                if (score > bestScore)
                {
                    bestScore = score;
                    best = k;
                }
            }

            totals[classes[i]]++;
            hits[classes[i]] += best == classes[i] ? 1 : 0;
        }

        return (Math.Round(hits.Sum() / (double)features.Length, 4), [.. hits.Select((h, k) => totals[k] == 0 ? 0 : Math.Round(h / (double)totals[k], 4))]);
    }
}
