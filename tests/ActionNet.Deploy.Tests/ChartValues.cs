using YamlDotNet.RepresentationModel;

namespace ActionNet.Deploy.Tests;

/// <summary>The chart's values.yaml and Chart.yaml, parsed.</summary>
internal static class ChartValues
{
    /// <summary>values.yaml's root mapping.</summary>
    public static YamlMappingNode Values { get; } = LoadRoot("values.yaml");

    /// <summary>Chart.yaml's root mapping.</summary>
    public static YamlMappingNode Chart { get; } = LoadRoot("Chart.yaml");

    /// <summary>The silo pools by name.</summary>
    public static IEnumerable<(string Name, YamlMappingNode Spec)> Pools =>
        Values.Map("pools").Children.Select(p => (((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value));

    /// <summary>The model profiles by name.</summary>
    public static IEnumerable<(string Name, YamlMappingNode Spec)> Profiles =>
        Values.Map("profiles").Children.Select(p => (((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value));

    /// <summary>The integer at <paramref name="path"/> of values.yaml.</summary>
    public static int Integer(string path) =>
        int.Parse(Values.Scalar(path) ?? throw new InvalidOperationException($"values.yaml has no '{path}'"), System.Globalization.CultureInfo.InvariantCulture);

    private static YamlMappingNode LoadRoot(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(DeploymentFiles.Chart, file))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
