namespace ActionNet.Grains.Placement;

/// <summary>Whether a silo's accelerator label is one a profile allows; labels compare case-insensitively, "*" or none allows any.</summary>
public static class AcceleratorRules
{
    /// <summary>The accelerator list entry that allows every silo.</summary>
    public const string Any = "*";

    /// <summary>Whether a silo labelled <paramref name="label"/> may run a profile that allows <paramref name="allowed"/>.</summary>
    public static bool Allows(string? label, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return allowed.Count == 0 || allowed.Contains(Any, StringComparer.Ordinal)
            || (label is not null && allowed.Contains(label, AcceleratorMetadata.Comparer));
    }

    /// <summary>The allowed labels for messages: "any" or a comma-separated list.</summary>
    public static string Describe(IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return allowed.Count == 0 || allowed.Contains(Any, StringComparer.Ordinal) ? "any" : string.Join(", ", allowed);
    }
}
