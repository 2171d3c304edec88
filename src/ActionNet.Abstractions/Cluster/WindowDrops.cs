namespace ActionNet.Abstractions.Cluster;

/// <summary>Windows dropped since a silo started, by reason. Every window a camera cuts is scored or counted here.</summary>
[GenerateSerializer, Immutable, Alias("actionnet.window-drops")]
public sealed record WindowDrops
{
    /// <summary>The scorer was saturated: the oldest waiting window (of any camera) made room for a new one.</summary>
    [Id(0)] public long Overload { get; init; }

    /// <summary>No silo with an accelerator the profile allows was active.</summary>
    [Id(1)] public long NoAccelerator { get; init; }

    /// <summary>The model run failed.</summary>
    [Id(2)] public long Failed { get; init; }

    /// <summary>The history refused or could not take the scored window.</summary>
    [Id(3)] public long Unrecorded { get; init; }

    /// <summary>All of them.</summary>
    public long Total => Overload + NoAccelerator + Failed + Unrecorded;

    /// <summary>The sum of two counts.</summary>
    public static WindowDrops operator +(WindowDrops a, WindowDrops b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new WindowDrops
        {
            Overload = a.Overload + b.Overload,
            NoAccelerator = a.NoAccelerator + b.NoAccelerator,
            Failed = a.Failed + b.Failed,
            Unrecorded = a.Unrecorded + b.Unrecorded,
        };
    }

    /// <summary>The sum of two counts (named alternative to the operator).</summary>
    public static WindowDrops Add(WindowDrops a, WindowDrops b) => a + b;
}
