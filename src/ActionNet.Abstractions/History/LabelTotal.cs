namespace ActionNet.Abstractions.History;

/// <summary>
/// How long one camera showed one label within a queried range, summed from the segments that end in
/// it (whole UTC days from the stored daily totals). Each event owns the part of its window not already
/// covered by the camera's previous window, so overlapping windows count once.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.label-total")]
public sealed record LabelTotal
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The label.</summary>
    [Id(1)] public string Label { get; init; } = "";

    /// <summary>Total time with this label, in seconds.</summary>
    [Id(2)] public double Seconds { get; init; }

    /// <summary>Events (windows) counted.</summary>
    [Id(3)] public int Events { get; init; }

    /// <summary>Segments counted.</summary>
    [Id(4)] public int Segments { get; init; }
}
