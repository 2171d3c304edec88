using ActionNet.Inference.Contracts;
using ActionNet.Inference.Scoring;
using ActionNet.Vision.Clips;

namespace ActionNet.Grains.Inference;

/// <summary>
/// One profile's loaded model on this silo (one ONNX Runtime session) with the batcher that feeds it:
/// windows from every camera and every inference activation on the silo share its batches.
/// </summary>
public sealed class ProfileScorer : IAsyncDisposable
{
    private readonly ActionModel model;
    private readonly ScoreBatcher<ClipInput, ClipScores> batcher;

    /// <summary>Wraps a loaded model; <paramref name="onBatch"/> is told the size of every batch run.</summary>
    public ProfileScorer(ModelProfile profile, ActionModel model, Action<int> onBatch)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(onBatch);
        this.model = model;
        Profile = profile;
        batcher = new ScoreBatcher<ClipInput, ClipScores>(
            clips =>
            {
                var scores = model.Score(clips);
                onBatch(clips.Count);
                return scores;
            },
            profile.MaxBatch,
            TimeSpan.FromMilliseconds(profile.MaxWaitMs));
    }

    /// <summary>The profile served.</summary>
    public ModelProfile Profile { get; }

    /// <summary>The model's contract: inputs, T, H, W and labels.</summary>
    public ModelContract Contract => model.Contract;

    /// <summary>The model's file name, as reported in results.</summary>
    public string ModelName => Path.GetFileName(model.ModelPath);

    /// <summary>The execution provider the session runs on, e.g. "Cuda" or "Cpu".</summary>
    public string Provider => model.ActiveProvider.ToString();

    /// <summary>Batches run so far.</summary>
    public long Batches => batcher.Batches;

    /// <summary>Scores one clip in the next batch.</summary>
    public Task<ClipScores> ScoreAsync(ClipInput clip) => batcher.SubmitAsync(clip);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await batcher.DisposeAsync();
        model.Dispose();
    }
}
