using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ActionNet.Deploy.Tests.Monitoring;

/// <summary>
/// The Prometheus operator's <c>monitoring.coreos.com/v1</c> ServiceMonitor, transcribed from its CRD (the fields this
/// chart can write), so that the rendered ServiceMonitors are parsed strictly: an unknown or mistyped field fails.
/// </summary>
public sealed class ServiceMonitor : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The type map key KubernetesYaml looks up.</summary>
    public const string TypeKey = "monitoring.coreos.com/v1/ServiceMonitor";

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Which Services, and how their endpoints are scraped.</summary>
    [JsonPropertyName("spec")]
    public ServiceMonitorSpec Spec { get; set; } = new();
}
