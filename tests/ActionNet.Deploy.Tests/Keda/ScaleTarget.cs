using System.Text.Json.Serialization;

namespace ActionNet.Deploy.Tests.Keda;

/// <summary>A ScaledObject's <c>scaleTargetRef</c>.</summary>
public sealed class ScaleTarget
{
    /// <summary>The target's API version (default apps/v1).</summary>
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    /// <summary>The target's kind (default Deployment).</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The target's name, required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The container whose environment triggers may read.</summary>
    [JsonPropertyName("envSourceContainerName")]
    public string? EnvSourceContainerName { get; set; }
}
