using System.Text.Json.Serialization;
using k8s.Models;

namespace ActionNet.Deploy.Tests.Keda;

/// <summary><c>advanced.horizontalPodAutoscalerConfig</c>: the HPA's name and its autoscaling/v2 behavior.</summary>
public sealed class HorizontalPodAutoscalerConfig
{
    /// <summary>The HPA's name (default keda-hpa-&lt;name&gt;).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Scale-up and scale-down behavior, the autoscaling/v2 type.</summary>
    [JsonPropertyName("behavior")]
    public V2HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}
