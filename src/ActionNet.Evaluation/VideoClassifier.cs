using ActionNet.Inference.Contracts;
using ActionNet.Inference.Scoring;
using ActionNet.Vision.Clips;
using ActionNet.Vision.Frames;
using ActionNet.Vision.Sources;

namespace ActionNet.Evaluation;

/// <summary>
/// Classifies one video file or one TAO clip folder with NVIDIA's offline protocol: sample clips
/// (center, conv or all), score them in batches, and average the clips' softmax into the video's label.
/// Not thread-safe (it owns the clip builder's native buffers); the model may be shared.
/// </summary>
public sealed class VideoClassifier : IDisposable
{
    private readonly ActionModel _model;
    private readonly ClipBuilder _clips;
    private readonly int _batchSize;

    /// <summary>Creates a classifier that scores up to <paramref name="batchSize"/> clips per ONNX Runtime call.</summary>
    public VideoClassifier(ActionModel model, ResizeMode resize = ResizeMode.Stretch, int batchSize = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _model = model;
        _batchSize = batchSize;
        _clips = new ClipBuilder(ClipSpecOf(model.Contract), resize);
    }

    /// <summary>The clip shape a model wants, from its contract.</summary>
    public static ClipSpec ClipSpecOf(ModelContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new ClipSpec(contract.Frames, contract.Height, contract.Width, contract.Rgb is not null, contract.Flow is not null);
    }

    /// <summary>Classifies a video file, or a clip folder when <paramref name="source"/> is a directory.</summary>
    /// <exception cref="VideoSourceException">The source cannot be read or holds too few frames.</exception>
    public Classification Classify(string source, SamplingMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var clipSet = Directory.Exists(source)
            ? _clips.FromDirectory(FramesDirectory.Open(source), mode)
            : _clips.FromVideo(source, mode, cancellationToken: cancellationToken);
        return Score(source, mode, clipSet, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _clips.Dispose();

    private Classification Score(string source, SamplingMode mode, ClipSet clipSet, CancellationToken cancellationToken)
    {
        var labels = _model.Contract.Labels;
        var scores = new List<ClipScores>(clipSet.Clips.Count);
        for (var start = 0; start < clipSet.Clips.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = clipSet.Clips.Skip(start).Take(_batchSize).ToList();
            scores.AddRange(_model.Score(batch));
        }

        var video = ScoreAggregation.Mean(scores, labels);
        var clips = clipSet.Clips
            .Select((clip, i) => new ClipResult(clip.FrameIndices, scores[i].Logits, scores[i].Probabilities, labels[scores[i].TopIndex]))
            .ToList();
        return new Classification(source, mode, clipSet.SourceFrames, clips, labels, video.Probabilities, video.TopLabel, clipSet.Decode);
    }
}
