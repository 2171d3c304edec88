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
    /// <summary>The body every target of this phase receives.</summary>
    public AlertNotification ToNotification() => new()
    {
        Key = State.FiringId,
        Step = Step,
        Phase = Phase,
        RuleId = State.RuleId,
        CameraId = State.CameraId,
        Label = Segment.Label,
        Segment = Segment,
        At = Segment.End,
    };
}
