using System.Text.Json.Serialization;

namespace ActionNet.Deploy.Tests.Keda;

/// <summary>A ScaledObject's <c>spec</c> (KEDA 2.x).</summary>
public sealed class ScaledObjectSpec
{
    /// <summary>The workload scaled.</summary>
    [JsonPropertyName("scaleTargetRef")]
    public ScaleTarget ScaleTargetRef { get; set; } = new();

    /// <summary>Seconds between trigger polls.</summary>
    [JsonPropertyName("pollingInterval")]
    public int? PollingInterval { get; set; }

    /// <summary>Seconds after the last active trigger before scaling to zero.</summary>
    [JsonPropertyName("cooldownPeriod")]
    public int? CooldownPeriod { get; set; }

    /// <summary>Replicas while no trigger is active.</summary>
    [JsonPropertyName("idleReplicaCount")]
    public int? IdleReplicaCount { get; set; }

    /// <summary>The fewest replicas.</summary>
    [JsonPropertyName("minReplicaCount")]
    public int? MinReplicaCount { get; set; }

    /// <summary>The most replicas.</summary>
    [JsonPropertyName("maxReplicaCount")]
    public int? MaxReplicaCount { get; set; }

    /// <summary>The HPA KEDA creates.</summary>
    [JsonPropertyName("advanced")]
    public ScaledObjectAdvanced? Advanced { get; set; }

    /// <summary>What the pool scales on.</summary>
    [JsonPropertyName("triggers")]
    public IList<ScaleTrigger> Triggers { get; set; } = [];
}
