using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ActionNet.Deploy.Tests.Keda;

/// <summary>
/// KEDA's <c>keda.sh/v1alpha1</c> ScaledObject, transcribed from KEDA's CRD (the fields this chart can write), so
/// that the rendered ScaledObject is parsed strictly like the built-in kinds: an unknown or mistyped field fails.
/// </summary>
public sealed class ScaledObject : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The type map key KubernetesYaml looks up.</summary>
    public const string TypeKey = "keda.sh/v1alpha1/ScaledObject";

    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The scaling specification.</summary>
    [JsonPropertyName("spec")]
    public ScaledObjectSpec Spec { get; set; } = new();
}
