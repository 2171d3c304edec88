namespace ActionNet.Abstractions.History;

/// <summary>
/// Turns one camera's scored windows into labels (mean of the last K windows' probabilities, per tracked
/// person in person mode) and persists them to the label history. Key: the camera id.
/// </summary>
public interface IAggregatorGrain : IGrainWithStringKey
{
    /// <summary>Records one scored window; windows at or below the persisted high-water mark are ignored.</summary>
    Task RecordAsync(ScoredWindow window);

    /// <summary>The camera's newest events, newest last; at most <paramref name="count"/>.</summary>
    Task<ActionEvent[]> GetRecentAsync(int count);

    /// <summary>The camera-level label and, in person mode, the newest label of every track in view.</summary>
    Task<CameraLabels> GetLabelsAsync();

    /// <summary>
    /// The sequence number the camera's next window must carry: one past the highest of the stored
    /// high-water mark and what this aggregator has recorded, so sequences never repeat across
    /// restarts. 0 for a camera without history.
    /// </summary>
    Task<long> GetNextSequenceAsync();

    /// <summary>What the aggregator holds: buffered (not yet stored) records and the last storage error.</summary>
    Task<AggregatorStatus> GetStatusAsync();
}
