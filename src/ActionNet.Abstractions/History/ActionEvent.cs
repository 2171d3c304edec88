namespace ActionNet.Abstractions.History;

/// <summary>
/// The label of one camera at one window: the class with the highest probability averaged over the
/// camera's last K scored windows, or, for a camera in person mode, over the last K windows of one tracked
/// person (<see cref="TrackId"/>). Identified by camera id and window sequence (sequences are the camera's,
/// shared by its tracks); stored in the label history and ordered by <see cref="End"/>, then <see cref="Sequence"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.action-event")]
public sealed record ActionEvent
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The sequence number of the window that produced the event.</summary>
    [Id(1)] public long Sequence { get; init; }

    /// <summary>Capture time of the window's first frame.</summary>
    [Id(2)] public DateTimeOffset Start { get; init; }

    /// <summary>Capture time of the window's last frame; the event's time.</summary>
    [Id(3)] public DateTimeOffset End { get; init; }

    /// <summary>The winning class name.</summary>
    [Id(4)] public string Label { get; init; } = "";

    /// <summary>The winning class's averaged probability, 0 to 1.</summary>
    [Id(5)] public float Confidence { get; init; }

    /// <summary>Every class's probability averaged over the last K windows, in <see cref="Labels"/> order.</summary>
    [Id(6)] public float[] Probabilities { get; init; } = [];

    /// <summary>Class names in the model's index order.</summary>
    [Id(7)] public string[] Labels { get; init; } = [];

    /// <summary>The model that scored the window.</summary>
    [Id(8)] public string Model { get; init; } = "";

    /// <summary>The silo that scored the window.</summary>
    [Id(9)] public string Silo { get; init; } = "";

    /// <summary>
    /// When the aggregator handed this event's batch to Blob storage (UTC; the write completes shortly
    /// after). <c>StoredAt - End</c> is the latency from a window's last frame to its label being persisted.
    /// </summary>
    [Id(10)] public DateTimeOffset StoredAt { get; init; }

    /// <summary>The tracked person labelled; null for a whole-frame (or region) label.</summary>
    [Id(11)] public string? TrackId { get; init; }

    /// <summary>The person's box at the window's last frame, [x1, y1, x2, y2] in source pixels; null without a track.</summary>
    [Id(12)] public float[]? Box { get; init; }
}
