namespace ActionNet.Grains.Placement;

/// <summary>
/// The silo metadata that says which accelerator a silo has. Each silo publishes
/// <c>accelerator=&lt;label&gt;</c> (from <c>ActionNet:Accelerator</c>, e.g. "t4", "jetson", "cpu");
/// labels are free text compared case-insensitively.
/// </summary>
public static class AcceleratorMetadata
{
    /// <summary>The silo metadata key.</summary>
    public const string Key = "accelerator";

    /// <summary>The label of a silo with no accelerator.</summary>
    public const string Cpu = "cpu";

    /// <summary>How labels compare.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;
}
