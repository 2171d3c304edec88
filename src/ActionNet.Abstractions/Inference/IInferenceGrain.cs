namespace ActionNet.Abstractions.Inference;

/// <summary>
/// Scores windows on one silo's accelerator, batching concurrent requests into one model run.
/// Key: chosen by the placement design (for example the model profile name); the request names its
/// profile, so the key only decides which activation, and so which accelerator, does the work.
/// </summary>
public interface IInferenceGrain : IGrainWithStringKey
{
    /// <summary>Scores one window; completes when its batch has run.</summary>
    Task<ScoringResult> ScoreAsync(ScoringRequest request);
}
