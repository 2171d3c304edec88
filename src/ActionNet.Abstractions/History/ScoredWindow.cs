using ActionNet.Abstractions.Inference;

namespace ActionNet.Abstractions.History;

/// <summary>A scored window as the aggregator records it: the window without pixels plus its scores.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.scored-window")]
public sealed record ScoredWindow
{
    /// <summary>The window's identity and timing.</summary>
    [Id(0)] public WindowHeader Window { get; init; } = new();

    /// <summary>The window's scores.</summary>
    [Id(1)] public ScoringResult Result { get; init; } = new();
}
