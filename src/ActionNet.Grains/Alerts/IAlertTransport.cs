using ActionNet.Abstractions.Alerts;
using ActionNet.Storage.Alerts;

namespace ActionNet.Grains.Alerts;

/// <summary>Sends one delivery's body to one kind of target, once; retries are the outbox's.</summary>
public interface IAlertTransport
{
    /// <summary>The target this transport serves.</summary>
    AlertTarget Target { get; }

    /// <summary>Sends <paramref name="entry"/>; returns when the receiver acknowledged it.</summary>
    /// <exception cref="AlertSendException">It was not acknowledged.</exception>
    Task SendAsync(AlertOutboxEntry entry, CancellationToken cancellationToken);
}
