namespace ActionNet.Abstractions.History;

/// <summary>
/// Turns one camera's scored windows into labels (mean of the last K windows' probabilities) and
/// persists them to the label history. Key: the camera id.
/// </summary>
public interface IAggregatorGrain : IGrainWithStringKey
{
    /// <summary>Records one scored window; windows at or below the persisted high-water mark are ignored.</summary>
    Task RecordAsync(ScoredWindow window);

    /// <summary>The camera's newest events, newest last; at most <paramref name="count"/>.</summary>
    Task<ActionEvent[]> GetRecentAsync(int count);
}
