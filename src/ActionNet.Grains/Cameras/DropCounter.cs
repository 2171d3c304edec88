using ActionNet.Abstractions.Cluster;

namespace ActionNet.Grains.Cameras;

/// <summary>Counts dropped windows by <see cref="DropReason"/>; thread-safe.</summary>
public sealed class DropCounter
{
    private readonly long[] counts = new long[Enum.GetValues<DropReason>().Length];

    /// <summary>All drops so far.</summary>
    public long Total => counts.Sum(c => Interlocked.Read(ref c));

    /// <summary>Counts one drop.</summary>
    public void Add(DropReason reason) => Interlocked.Increment(ref counts[(int)reason]);

    /// <summary>The counts as a message.</summary>
    public WindowDrops Snapshot() => new()
    {
        Overload = Interlocked.Read(ref counts[(int)DropReason.Overload]),
        NoAccelerator = Interlocked.Read(ref counts[(int)DropReason.NoAccelerator]),
        Failed = Interlocked.Read(ref counts[(int)DropReason.Failed]),
        Unrecorded = Interlocked.Read(ref counts[(int)DropReason.Unrecorded]),
    };
}
