using System.Text.Json.Serialization;

namespace ActionNet.Deploy.Tests.Keda;

/// <summary>One entry of a ScaledObject's <c>triggers</c>.</summary>
public sealed class ScaleTrigger
{
    /// <summary>The scaler, e.g. prometheus.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>An optional trigger name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>AverageValue (default), Value or Utilization.</summary>
    [JsonPropertyName("metricType")]
    public string? MetricType { get; set; }

    /// <summary>Scaler settings; KEDA's CRD types every value as a string.</summary>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();

    /// <summary>Whether the metric value is cached between polls.</summary>
    [JsonPropertyName("useCachedMetrics")]
    public bool? UseCachedMetrics { get; set; }
}
