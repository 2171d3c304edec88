namespace ActionNet.Abstractions.Inference;

/// <summary>
/// Scores windows on one silo's accelerator, batching concurrent requests into one model run.
/// Key: the model profile name (placement pins it to a silo that can run that profile).
/// </summary>
public interface IInferenceGrain : IGrainWithStringKey
{
    /// <summary>Scores one window; completes when its batch has run.</summary>
    Task<ScoringResult> ScoreAsync(ScoringRequest request);
}
