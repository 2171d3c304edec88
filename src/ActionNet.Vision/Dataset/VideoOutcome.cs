namespace ActionNet.Vision.Dataset;

/// <summary>What happened to one video while preparing a dataset.</summary>
public enum VideoOutcome
{
    /// <summary>Frames and flow were written.</summary>
    Prepared,

    /// <summary>The clip folder was already complete from an earlier run; nothing was written.</summary>
    Skipped,

    /// <summary>The video could not be used (missing, unreadable or corrupt); nothing was kept.</summary>
    Failed,
}
