namespace ActionNet.Abstractions.Cameras;

/// <summary>What a camera's stream grain is doing now.</summary>
public enum CameraState
{
    /// <summary>Opening the source for the first time.</summary>
    Connecting,

    /// <summary>Reading frames and emitting windows.</summary>
    Streaming,

    /// <summary>The source failed; waiting to open it again (see reconnect count and last error).</summary>
    Reconnecting,

    /// <summary>Frames are read but no silo with a suitable accelerator can score them.</summary>
    WaitingForAccelerator,

    /// <summary>Stopped for good because of an error that retrying will not fix (see last error).</summary>
    Failed,

    /// <summary>Registered but disabled.</summary>
    Disabled,

    /// <summary>Removed, or not registered.</summary>
    Stopped,
}
