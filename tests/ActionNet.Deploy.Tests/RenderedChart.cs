using System.Text.RegularExpressions;
using ActionNet.Deploy.Tests.Keda;
using ActionNet.Deploy.Tests.Monitoring;
using k8s;
using k8s.Models;

namespace ActionNet.Deploy.Tests;

/// <summary>
/// The chart rendered by <see cref="HelmRenderer"/> and every manifest parsed strictly
/// (<c>KubernetesYaml.LoadAllFromString(..., strict: true)</c>) into its Kubernetes API type: an unknown field, a
/// wrong type or an unknown kind fails, naming the template the manifest came from.
/// </summary>
internal sealed partial class RenderedChart
{
    private static readonly Dictionary<string, Type> CustomResourceTypes = new()
    {
        [ScaledObject.TypeKey] = typeof(ScaledObject),
        [ServiceMonitor.TypeKey] = typeof(ServiceMonitor),
    };

    private RenderedChart(string text, IReadOnlyList<RenderedManifest> manifests)
    {
        Text = text;
        Manifests = manifests;
    }

    /// <summary>The multi-document YAML the renderer printed.</summary>
    public string Text { get; }

    /// <summary>The manifests in the order rendered.</summary>
    public IReadOnlyList<RenderedManifest> Manifests { get; }

    /// <summary>Renders the repository's chart with the value set files under ValueSets/ and --set arguments.</summary>
    public static RenderedChart Render(IEnumerable<string> valueSets, params string[] sets) =>
        RenderChart(DeploymentFiles.Chart, valueSets.Select(ValueSetPath), sets);

    /// <summary>The path of a value set file.</summary>
    public static string ValueSetPath(string name) => RepositoryRoot.PathOf("tests", "ActionNet.Deploy.Tests", "ValueSets", name);

    /// <summary>Renders <paramref name="chart"/>; throws <see cref="ChartRenderException"/> with the renderer's or the parser's message.</summary>
    public static RenderedChart RenderChart(string chart, IEnumerable<string> valuesFiles, IEnumerable<string> sets)
    {
        var result = HelmRenderer.Render(chart, valuesFiles, sets);
        if (result.ExitCode != 0)
        {
            throw new ChartRenderException(result.Stderr.Trim());
        }

        return new RenderedChart(result.Stdout, [.. Documents(result.Stdout).Select(d => Parse(d.Source, d.Yaml))]);
    }

    /// <summary>The silo Deployments, one per enabled pool (not the API host's).</summary>
    public IReadOnlyList<V1Deployment> Silos => [.. All<V1Deployment>().Where(d => d.Metadata.Labels.ContainsKey("actionnet.io/pool"))];

    /// <summary>The manifests of type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> All<T>() => [.. Manifests.Select(m => m.Object).OfType<T>()];

    /// <summary>The one manifest of type <typeparamref name="T"/> named <paramref name="name"/>.</summary>
    public T Named<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new InvalidOperationException($"the chart rendered no {typeof(T).Name} named {name}; it rendered {string.Join(", ", Manifests.Select(m => $"{m.Kind}/{m.Name}"))}");

    private static IEnumerable<(string Source, string Yaml)> Documents(string text) =>
        DocumentStart().Split(text).Where(d => d.Trim().Length > 0).Select(d =>
        {
            var source = SourceComment().Match(d);
            return (source.Success ? source.Groups[1].Value : "(no source)", d);
        });

    private static RenderedManifest Parse(string source, string yaml)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(yaml, CustomResourceTypes, strict: true);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException or InvalidOperationException)
        {
            var kind = KindLine().Match(yaml);
            throw new ChartRenderException($"{source}: {(kind.Success ? kind.Groups[1].Value + ": " : "")}{Messages(e)}{Where(e, yaml)}");
        }

        var single = objects.Count == 1 ? objects[0] as IKubernetesObject : null;
        return new RenderedManifest(source, yaml, single ?? throw new ChartRenderException($"{source}: expected one Kubernetes object, parsed {objects.Count}"));
    }

    // YamlDotNet's position of the failing node, with that line of the rendered manifest: it names the field.
    private static string Where(Exception e, string yaml)
    {
        if (e is not YamlDotNet.Core.YamlException { Start.Line: > 0 } yamlError)
        {
            return "";
        }

        var lines = yaml.Split('\n');
        var line = (int)yamlError.Start.Line;
        return line <= lines.Length ? $" (at line {line} of the manifest: '{lines[line - 1].Trim()}')" : "";
    }

    private static string Messages(Exception e)
    {
        var messages = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" -> ", messages.Distinct());
    }

    [GeneratedRegex(@"(?m)^---\s*$")]
    private static partial Regex DocumentStart();

    [GeneratedRegex(@"(?m)^# Source: (\S+)")]
    private static partial Regex SourceComment();

    [GeneratedRegex(@"(?m)^kind: (\S+)")]
    private static partial Regex KindLine();
}
