namespace ActionNet.Abstractions.Cameras;

/// <summary>
/// A snapshot of one camera's pipeline, from <see cref="ICameraGrain.GetStatusAsync"/> (key: camera id).
/// Counters count since the grain's activation.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.camera-status")]
public sealed record CameraStatus
{
    /// <summary>The camera id.</summary>
    [Id(0)] public string CameraId { get; init; } = "";

    /// <summary>The source with any password replaced by <see cref="SourceUrl.Mask"/>.</summary>
    [Id(1)] public string RedactedSource { get; init; } = "";

    /// <summary>What the camera is doing now.</summary>
    [Id(2)] public CameraState State { get; init; }

    /// <summary>Frames decoded from the source.</summary>
    [Id(3)] public long FramesReceived { get; init; }

    /// <summary>Windows handed to inference.</summary>
    [Id(4)] public long WindowsEmitted { get; init; }

    /// <summary>Windows cut but not recorded (overload, no accelerator, failed scoring, refused by history); never dropped silently.</summary>
    [Id(5)] public long WindowsDropped { get; init; }

    /// <summary>Windows scored and recorded by the aggregator.</summary>
    [Id(6)] public long WindowsScored { get; init; }

    /// <summary>The last error as one line, credentials redacted; null when none.</summary>
    [Id(7)] public string? LastError { get; init; }

    /// <summary>Times the source was reopened after a failure.</summary>
    [Id(8)] public int ReconnectCount { get; init; }

    /// <summary>Frames per second measured at the source, before subsampling.</summary>
    [Id(9)] public double InputFps { get; init; }

    /// <summary>Source frame width in pixels; 0 until the first frame.</summary>
    [Id(10)] public int FrameWidth { get; init; }

    /// <summary>Source frame height in pixels; 0 until the first frame.</summary>
    [Id(11)] public int FrameHeight { get; init; }

    /// <summary>The silo the camera grain runs on, e.g. "10.0.0.5:11111@12345".</summary>
    [Id(12)] public string Silo { get; init; } = "";

    /// <summary>When this snapshot was taken.</summary>
    [Id(13)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Labels waiting in memory to be written to the history (they pile up while storage is away).</summary>
    [Id(14)] public int HistoryBuffered { get; init; }

    /// <summary>Most labels that may wait in memory; past it new windows are dropped and counted.</summary>
    [Id(15)] public int HistoryBufferLimit { get; init; }

    /// <summary>Why the history is not being written right now, in one line; null when it is.</summary>
    [Id(16)] public string? HistoryError { get; init; }

    /// <summary>The camera's resolved plan (source kind, model shape, stride, subsample, resize, fps cap); null when not registered.</summary>
    [Id(17)] public CameraPlan? Plan { get; init; }

    /// <summary>Windows dropped, by reason (<see cref="WindowsDropped"/> is their total).</summary>
    [Id(18)] public Cluster.WindowDrops Drops { get; init; } = new();

    /// <summary>Person mode: people being followed now (confirmed tracks); 0 otherwise.</summary>
    [Id(19)] public int PeopleInView { get; init; }

    /// <summary>Person mode: frames of followed people not cut into a clip (over the camera's track cap), since the pipeline started.</summary>
    [Id(20)] public long PeopleFramesDropped { get; init; }
}
