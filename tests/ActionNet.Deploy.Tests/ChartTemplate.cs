using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ActionNet.Deploy.Tests;

/// <summary>
/// A chart template made parseable without Helm: lines that are only template actions (<c>range</c>, <c>if</c>,
/// <c>end</c>, <c>toYaml | nindent</c>) are dropped, and every other <c>{{ expr }}</c> becomes the scalar text
/// <c>tpl(expr)</c>. Both branches of an if/else stay, so the YAML around the actions must be valid on its own,
/// and the structure (kinds, ports, env, probes, volumes) can be checked against what each value refers to.
/// </summary>
internal static partial class ChartTemplate
{
    /// <summary>The non-empty YAML documents of the template at <paramref name="relativePath"/>.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Neutralize(File.ReadAllText(RepositoryRoot.PathOf(relativePath)))));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    /// <summary>The one document of kind <paramref name="kind"/> in the chart's templates.</summary>
    public static YamlMappingNode Single(string kind) =>
        DeploymentFiles.ChartYaml.Where(f => f.Contains("/templates/", StringComparison.Ordinal))
            .SelectMany(Load)
            .Single(d => d.Scalar("kind") == kind);

    /// <summary>The template text with actions removed or turned into scalars.</summary>
    public static string Neutralize(string text)
    {
        var lines = text.Split('\n')
            .Where(line => !ActionOnlyLine().IsMatch(line))
            .Select(line => Action().Replace(line, m => $"tpl({Expression(m.Groups[1].Value)})"));
        return string.Join('\n', lines);
    }

    // Quotes would end a quoted YAML scalar early; runs of spaces carry no meaning.
    private static string Expression(string expression) =>
        Whitespace().Replace(expression.Replace("\"", "", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"^\s*(\{\{(?:(?!\}\}).)*\}\}\s*)+$")]
    private static partial Regex ActionOnlyLine();

    [GeneratedRegex(@"\{\{-?\s*(.*?)\s*-?\}\}")]
    private static partial Regex Action();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
