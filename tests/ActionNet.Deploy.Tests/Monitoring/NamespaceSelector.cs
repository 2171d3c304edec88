using System.Text.Json.Serialization;

namespace ActionNet.Deploy.Tests.Monitoring;

/// <summary>A ServiceMonitor's <c>namespaceSelector</c>: every namespace, or a list of them.</summary>
public sealed class NamespaceSelector
{
    /// <summary>Every namespace.</summary>
    [JsonPropertyName("any")]
    public bool? Any { get; set; }

    /// <summary>These namespaces.</summary>
    [JsonPropertyName("matchNames")]
    public IList<string>? MatchNames { get; set; }
}
