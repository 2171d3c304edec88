using System.Text.Json.Serialization;
using k8s.Models;

namespace ActionNet.Deploy.Tests.Monitoring;

/// <summary>An endpoint's <c>authorization</c>: a scheme and the Secret key holding the credentials.</summary>
public sealed class SafeAuthorization
{
    /// <summary>The scheme (default Bearer).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The Secret key in the ServiceMonitor's namespace holding the credentials.</summary>
    [JsonPropertyName("credentials")]
    public V1SecretKeySelector? Credentials { get; set; }
}
