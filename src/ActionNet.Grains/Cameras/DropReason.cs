namespace ActionNet.Grains.Cameras;

/// <summary>Why a window a camera cut was not recorded (see <see cref="ActionNet.Abstractions.Cluster.WindowDrops"/>).</summary>
public enum DropReason
{
    /// <summary>The silo's scorer was saturated and dropped the oldest waiting window.</summary>
    Overload,

    /// <summary>No silo with an allowed accelerator was active.</summary>
    NoAccelerator,

    /// <summary>The model run failed.</summary>
    Failed,

    /// <summary>The history did not take the scored window.</summary>
    Unrecorded,
}
