namespace ActionNet.Cli.Benchmarks;

/// <summary>The history benchmark: the data laid down, each query's cost, and the write path's storage writes.</summary>
/// <param name="Cameras">Cameras with history.</param>
/// <param name="Days">Days of history per camera.</param>
/// <param name="Segments">Segments stored in all.</param>
/// <param name="EventsRepresented">Windows (events at 3.75 per second) the segments stand for; only the write-path sample's events are stored as bytes.</param>
/// <param name="SeedSeconds">Seconds spent laying the history down.</param>
/// <param name="Queries">Each query's cost.</param>
/// <param name="WritesPerCameraPerMinute">Storage writes per camera per minute of the real write path (journal flushed every 15 s).</param>
/// <param name="WritePathCameras">Cameras in the write-path sample.</param>
/// <param name="WritePathMinutes">Minutes of windows (3.75 per second) each of them wrote.</param>
public sealed record HistoryBenchResult(
    int Cameras, int Days, long Segments, long EventsRepresented, double SeedSeconds, IReadOnlyList<HistoryQueryCost> Queries,
    double WritesPerCameraPerMinute, int WritePathCameras, int WritePathMinutes);
