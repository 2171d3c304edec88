using System.Text.Json.Serialization;

namespace ActionNet.Deploy.Tests.Keda;

/// <summary>A ScaledObject's <c>advanced</c> section.</summary>
public sealed class ScaledObjectAdvanced
{
    /// <summary>Settings of the HPA KEDA creates.</summary>
    [JsonPropertyName("horizontalPodAutoscalerConfig")]
    public HorizontalPodAutoscalerConfig? HorizontalPodAutoscalerConfig { get; set; }

    /// <summary>Whether deleting the ScaledObject restores the original replica count.</summary>
    [JsonPropertyName("restoreToOriginalReplicaCount")]
    public bool? RestoreToOriginalReplicaCount { get; set; }
}
