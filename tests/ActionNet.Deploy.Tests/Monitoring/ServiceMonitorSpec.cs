using System.Text.Json.Serialization;
using k8s.Models;

namespace ActionNet.Deploy.Tests.Monitoring;

/// <summary>A ServiceMonitor's <c>spec</c>.</summary>
public sealed class ServiceMonitorSpec
{
    /// <summary>The Services scraped, by label (required).</summary>
    [JsonPropertyName("selector")]
    public V1LabelSelector Selector { get; set; } = new();

    /// <summary>The namespaces those Services are looked up in (default: the ServiceMonitor's own).</summary>
    [JsonPropertyName("namespaceSelector")]
    public NamespaceSelector? NamespaceSelector { get; set; }

    /// <summary>The Service label whose value becomes the job name.</summary>
    [JsonPropertyName("jobLabel")]
    public string? JobLabel { get; set; }

    /// <summary>Service labels copied onto the scraped series.</summary>
    [JsonPropertyName("targetLabels")]
    public IList<string>? TargetLabels { get; set; }

    /// <summary>Pod labels copied onto the scraped series.</summary>
    [JsonPropertyName("podTargetLabels")]
    public IList<string>? PodTargetLabels { get; set; }

    /// <summary>The endpoints scraped on each selected Service (required).</summary>
    [JsonPropertyName("endpoints")]
    public IList<ServiceMonitorEndpoint> Endpoints { get; set; } = [];
}
