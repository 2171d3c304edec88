using System.Globalization;

namespace ActionNet.Abstractions.Alerts;

/// <summary>
/// The deterministic ids of firings and deliveries. A firing is one rule on one label segment (camera and
/// the segment's first sequence), so whichever router activation derives it, and however often, it gets the
/// same idempotency key.
/// </summary>
public static class AlertKeys
{
    /// <summary>The firing id and idempotency key: <c>{rule}.{camera}.{firstSequence}</c> (ids hold no '.').</summary>
    public static string FiringId(string ruleId, string cameraId, long firstSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{ruleId}.{cameraId}.{firstSequence}");

    /// <summary>The step of a phase within its firing: <c>start</c>, <c>update-{n}</c> (n from 1) or <c>end</c>.</summary>
    public static string Step(AlertPhase phase, int update = 0) => phase switch
    {
        AlertPhase.Start => "start",
        AlertPhase.Update => string.Create(CultureInfo.InvariantCulture, $"update-{update}"),
        _ => "end",
    };

    /// <summary>The delivery id: <c>{firingId}.{step}.{webhook|mqtt}</c>.</summary>
    public static string DeliveryId(string firingId, string step, AlertTarget target) =>
        $"{firingId}.{step}.{(target == AlertTarget.Webhook ? "webhook" : "mqtt")}";
}
