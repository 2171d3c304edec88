namespace ActionNet.Abstractions.Cluster;

/// <summary>
/// One model profile's scorer on one silo, as reported in <see cref="SiloReport.Profiles"/>: how many
/// windows per second it sustains, how many its cameras produce, and how busy the model is.
/// </summary>
[GenerateSerializer, Immutable, Alias("actionnet.profile-load")]
public sealed record ProfileLoad
{
    /// <summary>The model profile name.</summary>
    [Id(0)] public string Profile { get; init; } = "";

    /// <summary>
    /// Windows per second the scorer sustains when fully busy: measured as windows scored per second of model
    /// time, or the profile's configured start value until it has run.
    /// </summary>
    [Id(1)] public double Capacity { get; init; }

    /// <summary>Windows per second this silo's cameras of the profile produce (scored or not).</summary>
    [Id(2)] public double Demand { get; init; }

    /// <summary>Fraction (0..1) of wall time the model was executing over the last report interval.</summary>
    [Id(3)] public double Utilisation { get; init; }

    /// <summary>Whether <see cref="Capacity"/> is measured (true) or the configured start value (false).</summary>
    [Id(4)] public bool Measured { get; init; }

    /// <summary>The execution provider the session runs on, e.g. "Cuda" or "Cpu"; empty until loaded.</summary>
    [Id(5)] public string Provider { get; init; } = "";
}
