using Orleans.Runtime;

namespace ActionNet.Abstractions.Live;

/// <summary>
/// Where live label events are published: one Orleans stream for the whole cluster (provider
/// <see cref="ProviderName"/>, id <see cref="StreamId"/>). Silos and clients register the provider with the
/// same name; consumers filter by camera and label.
/// </summary>
public static class LiveEvents
{
    /// <summary>The stream provider's name.</summary>
    public const string ProviderName = "live";

    /// <summary>The stream namespace.</summary>
    public const string Namespace = "actionnet.live";

    /// <summary>The grain storage the provider's subscriptions are kept in.</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>The cluster's one live-event stream.</summary>
    public static StreamId StreamId { get; } = StreamId.Create(Namespace, "all");
}
