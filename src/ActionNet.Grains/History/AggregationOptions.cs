namespace ActionNet.Grains.History;

/// <summary>How scored windows become stored labels; bound from the <see cref="SectionName"/> section.</summary>
public sealed class AggregationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Aggregation";

    /// <summary>K: windows whose probabilities are averaged into one label (10, as NVIDIA's conv evaluation averages 10 clips).</summary>
    public int WindowsAveraged { get; set; } = 10;

    /// <summary>
    /// Milliseconds between writes of journaled records to the label history. Each flush costs one append
    /// per hour blob touched and one table transaction, so 15 s keeps a camera at 8 storage writes a minute;
    /// records are persisted (in the journal) before the flush.
    /// </summary>
    public int FlushIntervalMs { get; set; } = 15_000;

    /// <summary>Most events written in one flush.</summary>
    public int MaxEventsPerFlush { get; set; } = 500;

    /// <summary>Most events one camera's journal holds while storage is unavailable; past it new windows are refused (counted as dropped by the camera and recorded as lost).</summary>
    public int MaxBufferedEvents { get; set; } = 20_000;

    /// <summary>
    /// Seconds without any window after which the next window records a <see cref="ActionNet.Abstractions.History.HistoryGap"/>
    /// (a silo died, a stream was away, the cluster restarted). Consecutive windows overlap, so any real gap is an outage.
    /// </summary>
    public int GapSeconds { get; set; } = 5;

    /// <summary>
    /// Live events waiting to be published on the live-event stream; past it the oldest are dropped (they are stored
    /// anyway). Only reached while the stream's queue does not answer.
    /// </summary>
    public int MaxUnpublishedLiveEvents { get; set; } = 1000;

    /// <summary>Events kept in memory for <c>GetRecentAsync</c>.</summary>
    public int RecentEvents { get; set; } = 200;

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(WindowsAveraged), WindowsAveraged, 1);
        Check(errors, nameof(FlushIntervalMs), FlushIntervalMs, 10);
        Check(errors, nameof(MaxEventsPerFlush), MaxEventsPerFlush, 1);
        Check(errors, nameof(MaxBufferedEvents), MaxBufferedEvents, 1);
        Check(errors, nameof(RecentEvents), RecentEvents, 0);
        Check(errors, nameof(MaxUnpublishedLiveEvents), MaxUnpublishedLiveEvents, 1);
        Check(errors, nameof(GapSeconds), GapSeconds, 1);
        return errors;
    }

    private static void Check(List<string> errors, string name, int value, int min)
    {
        if (value < min)
        {
            errors.Add($"{SectionName}:{name} is {value}; expected at least {min}");
        }
    }
}
