namespace ActionNet.Grains.Alerts;

/// <summary>A delivery attempt failed; the message is one line without secrets (it is stored as the delivery's last error).</summary>
/// <param name="message">What failed, naming the receiver by host and port only.</param>
/// <param name="permanent">Whether retrying cannot help (the receiver refused the body, or the cluster lacks the target's settings).</param>
public sealed class AlertSendException(string message, bool permanent) : Exception(message)
{
    /// <summary>Whether retrying cannot help.</summary>
    public bool Permanent { get; } = permanent;
}
