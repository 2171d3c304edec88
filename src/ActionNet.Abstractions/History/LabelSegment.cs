namespace ActionNet.Abstractions.History;

/// <summary>
/// A run of consecutive events of one camera with the same label, written when the label changes.
/// Identified by camera id and <see cref="FirstSequence"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.label-segment")]
public sealed record LabelSegment
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The label held through the segment.</summary>
    [Id(1)] public string Label { get; init; } = "";

    /// <summary>Start of the first event's window.</summary>
    [Id(2)] public DateTimeOffset Start { get; init; }

    /// <summary>End of the last event's window.</summary>
    [Id(3)] public DateTimeOffset End { get; init; }

    /// <summary>Window sequence of the first event.</summary>
    [Id(4)] public long FirstSequence { get; init; }

    /// <summary>Window sequence of the last event.</summary>
    [Id(5)] public long LastSequence { get; init; }

    /// <summary>Mean of the events' confidences, 0 to 1.</summary>
    [Id(6)] public float MeanConfidence { get; init; }
}
