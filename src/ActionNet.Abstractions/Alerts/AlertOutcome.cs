namespace ActionNet.Abstractions.Alerts;

/// <summary>How a delivery stands.</summary>
public enum AlertOutcome
{
    /// <summary>Recorded and not yet acknowledged by the receiver; being sent or retried.</summary>
    Pending,

    /// <summary>The receiver acknowledged it (an HTTP 2xx, or the broker's PUBACK on every topic).</summary>
    Delivered,

    /// <summary>Given up: the receiver refused it, or stayed unreachable for the whole retry period.</summary>
    Failed,
}
