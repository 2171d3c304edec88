namespace ActionNet.Abstractions.History;

/// <summary>
/// What a camera shows now, from its aggregator's newest events (<see cref="IAggregatorGrain.GetLabelsAsync"/>):
/// the newest label of every track still in view and the camera-level label. For a whole-frame camera both are
/// its newest event; in person mode the camera-level label is the most confident of its tracks' newest labels.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-labels")]
public sealed record CameraLabels
{
    /// <summary>The camera-level label: the newest event, or in person mode the most confident track's; null before the first.</summary>
    [Id(0)] public ActionEvent? Latest { get; init; }

    /// <summary>
    /// The newest event of each track seen within <see cref="LabelSegment.TrackIdleSeconds"/> of the camera's newest
    /// window, by track id; empty for a whole-frame camera.
    /// </summary>
    [Id(1)] public ActionEvent[] Tracks { get; init; } = [];

    /// <summary>The labels of <paramref name="recent"/> (a camera's events, oldest first).</summary>
    public static CameraLabels From(IEnumerable<ActionEvent> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        var events = recent as IReadOnlyCollection<ActionEvent> ?? [.. recent];
        var newest = events.LastOrDefault();
        if (newest?.TrackId is null)
        {
            return new CameraLabels { Latest = newest };
        }

        var since = newest.Start - TimeSpan.FromSeconds(LabelSegment.TrackIdleSeconds);
        var tracks = events
            .Where(e => e.TrackId is not null && e.End >= since)
            .GroupBy(e => e.TrackId!, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(e => e.TrackId!.Length)
            .ThenBy(e => e.TrackId, StringComparer.Ordinal)
            .ToArray();
        return new CameraLabels { Latest = tracks.MaxBy(e => e.Confidence), Tracks = tracks };
    }
}
