using System.Text.Json;
using System.Text.Json.Serialization;
using ActionNet.Abstractions.History;

namespace ActionNet.Abstractions.Alerts;

/// <summary>
/// The JSON body of one firing phase, the same for the webhook and MQTT: the firing's idempotency key
/// (also the webhook's <c>Idempotency-Key</c> header), the phase step and the segment as it stood. A
/// receiver keeps one record per <see cref="Key"/> and applies each <see cref="Step"/> once. Webhook
/// bodies are signed: <c>X-ActionNet-Signature: sha256=&lt;hex HMAC-SHA256 of the body bytes&gt;</c>, keyed
/// with the cluster's webhook secret.
/// </summary>
public sealed record AlertNotification
{
    /// <summary>The JSON the body is written in: camelCase names, enums as camelCase strings.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The firing's idempotency key (<see cref="AlertKeys.FiringId"/>).</summary>
    public string Key { get; init; } = "";

    /// <summary>The step within the firing: <c>start</c>, <c>update-{n}</c> or <c>end</c> (<see cref="AlertKeys.Step"/>).</summary>
    public string Step { get; init; } = "";

    /// <summary>The phase.</summary>
    public AlertPhase Phase { get; init; }

    /// <summary>The rule that fired.</summary>
    public string RuleId { get; init; } = "";

    /// <summary>The camera.</summary>
    public string CameraId { get; init; } = "";

    /// <summary>The tracked person the firing is about ("lobby, person 17: fall_floor"); null for a whole-frame camera.</summary>
    public string? TrackId { get; init; }

    /// <summary>The segment's label.</summary>
    public string Label { get; init; } = "";

    /// <summary>The segment when the phase was decided (closed for <see cref="AlertPhase.End"/>).</summary>
    public LabelSegment Segment { get; init; } = new();

    /// <summary>Camera time of the phase: the end of the segment's latest event.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The body bytes as sent.</summary>
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a body.</summary>
    /// <exception cref="JsonException">The bytes are not a notification.</exception>
    public static AlertNotification Parse(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize<AlertNotification>(body, Json) ?? throw new JsonException("the body is null");
}
