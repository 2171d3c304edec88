using ActionNet.Inference.Scoring;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Dataset;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;

namespace ActionNet.Evaluation;

/// <summary>
/// Evaluates a model on a TAO-layout dataset (<c>&lt;root&gt;/&lt;class&gt;/&lt;clip&gt;/rgb|u|v</c>) with NVIDIA's
/// protocol: each clip folder is one video, classified by <see cref="VideoClassifier"/> in center or
/// conv mode; class folders must be among the model's labels.
/// </summary>
public sealed class DatasetEvaluator
{
    private readonly ActionModel _model;
    private readonly ResizeMode _resize;
    private readonly int _batchSize;

    /// <summary>Creates an evaluator for <paramref name="model"/>.</summary>
    public DatasetEvaluator(ActionModel model, ResizeMode resize = ResizeMode.Stretch, int batchSize = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _resize = resize;
        _batchSize = batchSize;
    }

    /// <summary>Evaluates every clip of <paramref name="dataset"/>, reporting progress after each clip.</summary>
    /// <exception cref="DatasetEvaluationException">A class is not a model label, or the dataset lacks the inputs the model needs.</exception>
    public EvaluationReport Evaluate(TaoDataset dataset, SamplingMode mode, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var labels = _model.Contract.Labels;
        CheckCompatible(dataset, labels);

        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        var clips = new List<EvaluatedClip>(dataset.Clips.Count);
        using var classifier = new VideoClassifier(_model, _resize, _batchSize);
        foreach (var clip in dataset.Clips)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EvaluatedClip evaluated;
            try
            {
                var result = classifier.Classify(clip.Path, mode, cancellationToken);
                confusion[IndexOf(labels, clip.ClassName)][IndexOf(labels, result.Label)]++;
                evaluated = new EvaluatedClip(clip.ClassName, clip.Name, result, null);
            }
            catch (VideoSourceException ex)
            {
                evaluated = new EvaluatedClip(clip.ClassName, clip.Name, null, ex.Message);
            }

            clips.Add(evaluated);
            progress?.Report(new EvaluationProgress(clips.Count, dataset.Clips.Count, evaluated));
        }

        var classes = dataset.Classes
            .Select(name => new ClassAccuracy(
                name,
                clips.Count(c => c.ClassName == name && c.Result is not null),
                clips.Count(c => c.ClassName == name && c.Correct)))
            .ToList();
        return new EvaluationReport(_model.ModelPath, mode, labels, classes, confusion, clips);
    }

    private void CheckCompatible(TaoDataset dataset, IReadOnlyList<string> labels)
    {
        if (dataset.Clips.Count == 0)
        {
            throw new DatasetEvaluationException($"dataset '{dataset.Root}' has no clips: expected <class>/<clip>/rgb/*.png folders");
        }

        var unknown = dataset.Classes.FirstOrDefault(name => !labels.Contains(name));
        if (unknown is not null)
        {
            throw new DatasetEvaluationException(
                $"dataset class '{unknown}' is not one of the model's labels ({string.Join(", ", labels)}); rename the folder or pass --labels");
        }

        var contract = _model.Contract;
        foreach (var clip in dataset.Clips)
        {
            var folder = clip.Open();
            if (contract.Flow is not null && !folder.HasFlow)
            {
                throw new DatasetEvaluationException(
                    $"clip '{clip.ClassName}/{clip.Name}' has no u/ and v/ flow images, which the optical-flow model needs; run 'actionnet dataset prepare' to extract them");
            }

            if (contract.Rgb is not null && !folder.HasRgb)
            {
                throw new DatasetEvaluationException($"clip '{clip.ClassName}/{clip.Name}' has no rgb/ images, which the RGB model needs");
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"label '{label}' is not among the model's labels");
    }
}
