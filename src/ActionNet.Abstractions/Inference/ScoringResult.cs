namespace ActionNet.Abstractions.Inference;

/// <summary>The scores of one window, from <see cref="IInferenceGrain.ScoreAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.scoring-result")]
public sealed record ScoringResult
{
    /// <summary>Softmax of <see cref="Logits"/>, one per class in <see cref="Labels"/> order; sums to 1.</summary>
    [Id(0)] public float[] Probabilities { get; init; } = [];

    /// <summary>The model's raw outputs (fc_pred), one per class.</summary>
    [Id(1)] public float[] Logits { get; init; } = [];

    /// <summary>Class names in the model's index order, e.g. push, fall_floor, walk, run, ride_bike.</summary>
    [Id(2)] public string[] Labels { get; init; } = [];

    /// <summary>The model that scored the window, e.g. the ONNX file name.</summary>
    [Id(3)] public string Model { get; init; } = "";

    /// <summary>The silo that scored the window.</summary>
    [Id(4)] public string Silo { get; init; } = "";

    /// <summary>The accelerator that ran the model, e.g. "cuda:0 H100" or "cpu".</summary>
    [Id(5)] public string Accelerator { get; init; } = "";

    /// <summary>When scoring finished.</summary>
    [Id(6)] public DateTimeOffset ScoredAt { get; init; }
}
