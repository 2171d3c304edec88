using System.Text.Json.Serialization;
using k8s.Models;

namespace ActionNet.Deploy.Tests.Monitoring;

/// <summary>One entry of a ServiceMonitor's <c>endpoints</c>: which port of the Service, which path, how often, with which credentials.</summary>
public sealed class ServiceMonitorEndpoint
{
    /// <summary>The Service port's name.</summary>
    [JsonPropertyName("port")]
    public string? Port { get; set; }

    /// <summary>The pod's port, by name or number, when the Service port is not named.</summary>
    [JsonPropertyName("targetPort")]
    public IntOrString? TargetPort { get; set; }

    /// <summary>The HTTP path (default /metrics).</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>http or https.</summary>
    [JsonPropertyName("scheme")]
    public string? Scheme { get; set; }

    /// <summary>Time between scrapes, e.g. 15s.</summary>
    [JsonPropertyName("interval")]
    public string? Interval { get; set; }

    /// <summary>Longest a scrape may take, e.g. 10s.</summary>
    [JsonPropertyName("scrapeTimeout")]
    public string? ScrapeTimeout { get; set; }

    /// <summary>Keep the target's own labels on conflicts.</summary>
    [JsonPropertyName("honorLabels")]
    public bool? HonorLabels { get; set; }

    /// <summary>The Authorization header sent with each scrape.</summary>
    [JsonPropertyName("authorization")]
    public SafeAuthorization? Authorization { get; set; }

    /// <summary>The deprecated bearer token Secret (use <see cref="Authorization"/>).</summary>
    [JsonPropertyName("bearerTokenSecret")]
    public V1SecretKeySelector? BearerTokenSecret { get; set; }
}
