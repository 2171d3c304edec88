namespace ActionNet.LocalCluster;

/// <summary>A model profile handed to local silos: a name, the ONNX file, the accelerators allowed to run it and windowing defaults.</summary>
/// <param name="Name">Profile name cameras refer to.</param>
/// <param name="ModelPath">The ONNX file.</param>
/// <param name="Accelerators">Accelerator labels allowed to score it (empty: any).</param>
/// <param name="Stride">Default stride, or null for the silo's default.</param>
/// <param name="MaxBatch">Largest inference batch, or null for the silo's default.</param>
/// <param name="MaxWaitMs">Longest wait to fill a batch, or null for the silo's default.</param>
/// <param name="Capacity">Windows per second a silo is configured to sustain (<c>:Capacity</c>), or null for the silo's default.</param>
/// <param name="EmulatedDeviceMsPerWindow">
/// Milliseconds each window holds the model (<c>:EmulatedDeviceMsPerWindow</c>): a device of fixed capacity, so that
/// demand can outgrow it with a few cameras; null: the real model's speed.
/// </param>
public sealed record ModelProfileSpec(
    string Name,
    string ModelPath,
    IReadOnlyList<string> Accelerators,
    int? Stride = null,
    int? MaxBatch = null,
    int? MaxWaitMs = null,
    double? Capacity = null,
    double? EmulatedDeviceMsPerWindow = null)
{
    /// <summary>The profile as silo configuration (environment variables, <c>__</c> for <c>:</c>).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToEnvironment()
    {
        var prefix = $"ActionNet__Profiles__{Name}__";
        yield return new(prefix + "Model", ModelPath);
        for (var i = 0; i < Accelerators.Count; i++)
        {
            yield return new($"{prefix}Accelerators__{i}", Accelerators[i]);
        }

        if (Stride is { } stride)
        {
            yield return new(prefix + "Stride", $"{stride}");
        }

        if (MaxBatch is { } batch)
        {
            yield return new(prefix + "MaxBatch", $"{batch}");
        }

        if (MaxWaitMs is { } wait)
        {
            yield return new(prefix + "MaxWaitMs", $"{wait}");
        }

        if (Capacity is { } capacity)
        {
            yield return new(prefix + "Capacity", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (EmulatedDeviceMsPerWindow is { } deviceMs)
        {
            yield return new(prefix + "EmulatedDeviceMsPerWindow", deviceMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
