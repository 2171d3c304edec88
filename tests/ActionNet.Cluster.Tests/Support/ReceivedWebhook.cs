using ActionNet.Abstractions.Alerts;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
/// <param name="At">When it arrived.</param>
/// <param name="SignatureValid">Whether <c>X-ActionNet-Signature</c> is the HMAC-SHA256 of the body under the cluster's secret.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header.</param>
/// <param name="DeliveryId">The <c>X-ActionNet-Delivery</c> header.</param>
/// <param name="Body">The parsed body.</param>
/// <param name="Raw">The body bytes.</param>
public sealed record ReceivedWebhook(DateTimeOffset At, bool SignatureValid, string IdempotencyKey, string DeliveryId, AlertNotification Body, byte[] Raw);
