using ActionNet.Abstractions.Cameras;

namespace ActionNet.Abstractions.Inference;

/// <summary>
/// The one rule for a label that must be a model's (an alert rule's, a live-event or history filter's): it is one of the
/// labels the models give, or the message names them. A rule or filter on any other label would wait for ever.
/// </summary>
public static class ModelLabels
{
    /// <summary>Why <paramref name="label"/>, given as <paramref name="name"/>, is none of <paramref name="known"/>; null when it is one.</summary>
    public static string? UnknownProblem(string name, string label, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(known);
        if (known.Contains(label, StringComparer.Ordinal))
        {
            return null;
        }

        return known.Count == 0
            ? $"{name} '{CameraInputRules.Quote(label)}' is unknown: no model has labels yet"
            : $"{name} '{CameraInputRules.Quote(label)}' is unknown: the models' labels are {string.Join(", ", known)}";
    }
}
