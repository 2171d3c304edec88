using YamlDotNet.RepresentationModel;

namespace ActionNet.Deploy.Tests;

/// <summary>Reads nodes of a parsed YAML document by dotted path, failing with the path when one is missing.</summary>
internal static class YamlPaths
{
    /// <summary>The node at <paramref name="path"/> (keys separated by dots), or null.</summary>
    public static YamlNode? Find(this YamlNode node, string path)
    {
        YamlNode? current = node;
        foreach (var key in path.Split('.'))
        {
            current = current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return current;
    }

    /// <summary>The mapping at <paramref name="path"/>.</summary>
    public static YamlMappingNode Map(this YamlNode node, string path) =>
        node.Find(path) as YamlMappingNode ?? throw new InvalidOperationException($"no mapping at '{path}'");

    /// <summary>The sequence at <paramref name="path"/>; empty when absent.</summary>
    public static IReadOnlyList<YamlNode> Items(this YamlNode node, string path) =>
        node.Find(path) is YamlSequenceNode items ? [.. items.Children] : [];

    /// <summary>The scalar text at <paramref name="path"/>, or null.</summary>
    public static string? Scalar(this YamlNode node, string path) => (node.Find(path) as YamlScalarNode)?.Value;

    /// <summary>The keys of a mapping.</summary>
    public static IEnumerable<string> Keys(this YamlMappingNode map) => map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);
}
