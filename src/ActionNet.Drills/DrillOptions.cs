namespace ActionNet.Drills;

/// <summary>Where drills work, how long they wait, and the fault sizes they use.</summary>
public sealed record DrillOptions
{
    /// <summary>Folder for clusters, media and logs (one sub-folder per drill run). Default: the repository's .work/drills.</summary>
    public string? WorkFolder { get; init; }

    /// <summary>Receives one line per step, for progress output. Default: nothing.</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>Longest wait for anything the cluster does before a drill gives up with diagnostics. Default 90 s.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the storage drill keeps Azurite down. Default 30 s.</summary>
    public TimeSpan StorageOutage { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the stream drill keeps the RTSP server down (refused reconnects included). Default 3 s.</summary>
    public TimeSpan StreamDowntime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Seconds without a window after which the aggregators record a gap (ActionNet:Aggregation:GapSeconds). Default 3.</summary>
    public int GapSeconds { get; init; } = 3;

    /// <summary>Most labels an aggregator buffers while storage is away (ActionNet:Aggregation:MaxBufferedEvents). Default 2000.</summary>
    public int MaxBufferedEvents { get; init; } = 2000;

    /// <summary>Cameras the silo-kill and cluster-restart drills start with. Default 6.</summary>
    public int Cameras { get; init; } = 6;

    /// <summary>Whether a drill's folder (logs, Azurite data) is kept after it ends. Default false.</summary>
    public bool KeepFolders { get; init; }
}
