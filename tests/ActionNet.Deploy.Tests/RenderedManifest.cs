using k8s;

namespace ActionNet.Deploy.Tests;

/// <summary>One document of the rendered chart: the template it came from, its YAML and its typed object.</summary>
internal sealed record RenderedManifest(string Source, string Yaml, IKubernetesObject Object)
{
    /// <summary>The object's kind.</summary>
    public string Kind => Object.Kind;

    /// <summary>The object's name.</summary>
    public string Name => (Object as IKubernetesObject<k8s.Models.V1ObjectMeta>)?.Metadata?.Name ?? "";
}
