namespace ActionNet.Abstractions.Alerts;

/// <summary>Where a firing is in its lifecycle: one firing per label segment, as Frigate's events are.</summary>
public enum AlertPhase
{
    /// <summary>The segment met the rule: the firing begins.</summary>
    Start,

    /// <summary>The segment grew; sent at most once per update interval while the firing is open.</summary>
    Update,

    /// <summary>The segment ended (label change, gap or UTC hour): the firing is over.</summary>
    End,
}
