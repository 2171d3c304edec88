namespace ActionNet.Abstractions.Alerts;

/// <summary>
/// One firing phase sent to one target: written before the first send (the outbox) and updated after
/// each attempt, so a router that restarts resumes it. Key: <see cref="Id"/>, derived from the firing, the
/// phase step and the target (<see cref="AlertKeys.DeliveryId"/>), so a phase is recorded once however
/// often it is re-derived.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.alert-delivery")]
public sealed record AlertDelivery
{
    /// <summary>The delivery id: firing id, step and target.</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>The firing's idempotency key (<see cref="AlertKeys.FiringId"/>): the same for each of its phases, targets and re-sends.</summary>
    [Id(1)] public string FiringId { get; init; } = "";

    /// <summary>The rule that fired.</summary>
    [Id(2)] public string RuleId { get; init; } = "";

    /// <summary>The camera whose segment fired it.</summary>
    [Id(3)] public string CameraId { get; init; } = "";

    /// <summary>The segment's label.</summary>
    [Id(4)] public string Label { get; init; } = "";

    /// <summary>The phase sent.</summary>
    [Id(5)] public AlertPhase Phase { get; init; }

    /// <summary>Where it is sent.</summary>
    [Id(6)] public AlertTarget Target { get; init; }

    /// <summary>How it stands.</summary>
    [Id(7)] public AlertOutcome Outcome { get; init; }

    /// <summary>Sends tried so far.</summary>
    [Id(8)] public int Attempts { get; init; }

    /// <summary>Why the last attempt failed, on one line and without secrets; null when none failed.</summary>
    [Id(9)] public string? LastError { get; init; }

    /// <summary>When the delivery was recorded (UTC); its retry period counts from here.</summary>
    [Id(10)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was delivered or given up (UTC); null while pending.</summary>
    [Id(11)] public DateTimeOffset? CompletedAt { get; init; }
}
