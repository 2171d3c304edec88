namespace ActionNet.Abstractions.Inference;

/// <summary>A window to score, sent to <see cref="IInferenceGrain.ScoreAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.scoring-request")]
public sealed record ScoringRequest
{
    /// <summary>The frames to score.</summary>
    [Id(0)] public WindowPayload Window { get; init; } = new();

    /// <summary>The model profile that must score it, from the camera's registration.</summary>
    [Id(1)] public string ModelProfile { get; init; } = "";
}
