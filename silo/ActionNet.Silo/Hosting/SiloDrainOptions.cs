namespace ActionNet.Silo.Hosting;

/// <summary>
/// How a silo empties itself when it is asked to stop (SIGTERM, Ctrl+C), bound from the <see cref="SectionName"/>
/// section (environment: <c>ActionNet__Drain__TimeoutSeconds=60</c>).
/// </summary>
public sealed class SiloDrainOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Drain";

    /// <summary>
    /// <c>ActionNet:Drain:TimeoutSeconds</c>: the longest a stopping silo waits for its cameras to move to other silos
    /// before it leaves the cluster anyway; 0 leaves at once (its cameras resume elsewhere after it has gone).
    /// </summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The timeout as a span.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        TimeoutSeconds is < 0 or > 3600
            ? [$"{SectionName}:{nameof(TimeoutSeconds)} is {TimeoutSeconds}; expected 0 (no drain) to 3600 seconds"]
            : [];
}
