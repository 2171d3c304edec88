using ActionNet.Abstractions.Alerts;

namespace ActionNet.Storage.Alerts;

/// <summary>
/// A delivery as the outbox keeps it: the record listed to users, plus what a re-send needs, stored with
/// it so that a router on another silo sends the same bytes to the same place.
/// </summary>
/// <param name="Delivery">The delivery record.</param>
/// <param name="Body">The notification body (<see cref="AlertNotification"/>) as UTF-8 JSON text.</param>
/// <param name="WebhookUrl">The URL, for a webhook delivery; null for MQTT.</param>
public sealed record AlertOutboxEntry(AlertDelivery Delivery, string Body, string? WebhookUrl);
