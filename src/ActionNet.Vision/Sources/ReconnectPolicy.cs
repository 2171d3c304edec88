namespace ActionNet.Vision.Sources;

/// <summary>
/// When a <see cref="ReconnectingFrameSource"/> tries again: capped exponential backoff with full jitter
/// (a delay drawn uniformly from 0 to min(<see cref="MaxDelay"/>, <see cref="BaseDelay"/> x 2^failures)),
/// so many cameras behind one dead switch do not reconnect in lockstep. The failure count starts over
/// once a connection has streamed for <see cref="StableAfter"/>.
/// </summary>
public sealed record ReconnectPolicy
{
    /// <summary>The first backoff ceiling. Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest delay between attempts. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection that streamed this long counts as healthy: the next failure backs off from <see cref="BaseDelay"/> again. Default 30 s.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Faults that retrying will not fix (<see cref="StreamFault.Unauthorized"/>, <see cref="StreamFault.Forbidden"/>,
    /// <see cref="StreamFault.NotFound"/>, <see cref="StreamFault.UnknownHost"/>, and <see cref="StreamFault.InvalidData"/> from a local file) end in
    /// <see cref="StreamState.Failed"/> after this many attempts in a row. Default 3.
    /// </summary>
    public int PermanentFaultAttempts { get; init; } = 3;

    /// <summary>Any fault ends in <see cref="StreamState.Failed"/> after this many attempts in a row; 0 retries forever (default: cameras come back).</summary>
    public int MaxAttempts { get; init; }

    /// <summary>
    /// The wait before the next attempt after <paramref name="failuresInARow"/> failures (1 for the first),
    /// given a uniform random number <paramref name="random"/> in [0, 1).
    /// </summary>
    public TimeSpan DelayAfter(int failuresInARow, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresInARow, 1);
        var exponent = Math.Min(failuresInARow - 1, 30);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(random, 0, 1));
    }

    /// <summary>Whether retrying cannot help with <paramref name="fault"/> (a local file's bad data included).</summary>
    public static bool IsPermanent(StreamFault fault, bool networkSource) => fault switch
    {
        StreamFault.Unauthorized or StreamFault.Forbidden or StreamFault.NotFound or StreamFault.UnknownHost => true,
        StreamFault.InvalidData => !networkSource,
        _ => false,
    };
}
