using System.Text;
using Orleans.Runtime;

namespace ActionNet.Abstractions.Live;

/// <summary>
/// Where live label events are published: the cluster's event plane is <see cref="Partitions"/> Orleans streams of
/// provider <see cref="ProviderName"/>, and a camera's events always go to the stream of its partition (a stable hash
/// of its id), so no silo carries the whole cluster's labels: each partition has its own queue, pulling agent and
/// alert router. Silos and clients register the provider with the same name and <see cref="Partitions"/> queues;
/// consumers subscribe to the partitions they need and filter by camera, track and label.
/// </summary>
public static class LiveEvents
{
    /// <summary>The stream provider's name.</summary>
    public const string ProviderName = "live";

    /// <summary>The stream namespace.</summary>
    public const string Namespace = "actionnet.live";

    /// <summary>The grain storage the provider's subscriptions are kept in.</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>
    /// Partitions of the event plane, and queues of the stream provider. Every process of a cluster must agree on it,
    /// so it is part of the code, not of the configuration: 16 spreads the plane over up to 16 silos.
    /// </summary>
    public const int Partitions = 16;

    /// <summary>Every partition's stream, partition 0 first.</summary>
    public static IReadOnlyList<StreamId> Streams { get; } = [.. Enumerable.Range(0, Partitions).Select(StreamOf)];

    /// <summary>The partition of <paramref name="cameraId"/>: FNV-1a of its UTF-8 bytes, modulo <see cref="Partitions"/> (stable across processes and versions).</summary>
    public static int PartitionOf(string cameraId)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(cameraId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % Partitions);
    }

    /// <summary>The stream of partition <paramref name="partition"/>: key <c>p{partition}</c>.</summary>
    public static StreamId StreamOf(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, Partitions);
        return StreamId.Create(Namespace, $"p{partition}");
    }

    /// <summary>The stream <paramref name="cameraId"/>'s events are published on.</summary>
    public static StreamId StreamFor(string cameraId) => StreamOf(PartitionOf(cameraId));

    /// <summary>The partition a stream key (<c>p{n}</c>) names, or null for any other key.</summary>
    public static int? PartitionOfKey(string? key) =>
        key is ['p', .. var digits] && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < Partitions ? n : null;
}
