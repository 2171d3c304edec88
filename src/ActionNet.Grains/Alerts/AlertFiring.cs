using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.History;
using ActionNet.Storage.Alerts;

namespace ActionNet.Grains.Alerts;

/// <summary>A firing phase the evaluator decided: to be recorded in the outbox for each of the firing's targets, then sent.</summary>
/// <param name="State">The firing as it stands after this phase (to be stored).</param>
/// <param name="Phase">The phase.</param>
/// <param name="Step">The step within the firing (<see cref="AlertKeys.Step"/>).</param>
/// <param name="Segment">The segment when the phase was decided.</param>
public sealed record AlertFiring(AlertFiringState State, AlertPhase Phase, string Step, LabelSegment Segment)
{
    /// <summary>
    /// The outbox rows of this phase, one per target of the firing (webhook, MQTT), pending and recorded at
    /// <paramref name="recordedAt"/> (whole milliseconds), all with the same body.
    /// </summary>
    public IReadOnlyList<AlertOutboxEntry> ToOutbox(DateTimeOffset recordedAt)
    {
        var body = System.Text.Encoding.UTF8.GetString(ToNotification().ToUtf8());
        var created = new DateTimeOffset(recordedAt.UtcTicks - (recordedAt.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var targets = new List<AlertTarget>(2);
        if (State.WebhookUrl is not null)
        {
            targets.Add(AlertTarget.Webhook);
        }

        if (State.Mqtt)
        {
            targets.Add(AlertTarget.Mqtt);
        }

        return [.. targets.Select(target => new AlertOutboxEntry(
            new AlertDelivery
            {
                Id = AlertKeys.DeliveryId(State.FiringId, Step, target),
                FiringId = State.FiringId,
                RuleId = State.RuleId,
                CameraId = State.CameraId,
                Label = Segment.Label,
                Phase = Phase,
                Target = target,
                Outcome = AlertOutcome.Pending,
                CreatedAt = created,
            },
            body,
            target == AlertTarget.Webhook ? State.WebhookUrl : null))];
    }

    /// <summary>The body every target of this phase receives.</summary>
    public AlertNotification ToNotification() => new()
    {
        Key = State.FiringId,
        Step = Step,
        Phase = Phase,
        RuleId = State.RuleId,
        CameraId = State.CameraId,
        TrackId = State.TrackId,
        Label = Segment.Label,
        Segment = Segment,
        At = Segment.End,
    };
}
