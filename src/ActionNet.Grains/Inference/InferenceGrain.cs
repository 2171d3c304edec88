using ActionNet.Abstractions.Inference;
using ActionNet.Grains.Cluster;
using ActionNet.Grains.Placement;
using Orleans.Concurrency;

namespace ActionNet.Grains.Inference;

/// <summary>
/// Scores windows for one <see cref="InferenceGrainKey"/> (profile, allowed accelerators, shard). Placed
/// only on silos with an allowed accelerator; reentrant so that concurrent windows from many cameras
/// reach the silo's shared <see cref="ProfileScorer"/> together and run as one batch. The model runs on
/// a thread-pool thread, never on the grain scheduler.
/// </summary>
[Reentrant]
[AcceleratorPlacementFilter]
public sealed class InferenceGrain(ModelHost models, SiloIdentity silo) : Grain, IInferenceGrain
{
    /// <inheritdoc/>
    public async Task<ScoringResult> ScoreAsync(ScoringRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scorer = await models.GetScorerAsync(request.ModelProfile);
        var clip = WindowClips.ToClipInput(request.Window);
        var scores = await scorer.ScoreAsync(clip);
        return new ScoringResult
        {
            Probabilities = scores.Probabilities,
            Logits = scores.Logits,
            Labels = [.. scorer.Contract.Labels],
            Model = scorer.ModelName,
            Silo = silo.Name,
            Accelerator = $"{silo.Accelerator} ({scorer.Provider})",
            ScoredAt = DateTimeOffset.UtcNow,
        };
    }
}
