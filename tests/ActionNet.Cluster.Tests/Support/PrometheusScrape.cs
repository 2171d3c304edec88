using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>One scrape of a silo's <c>/metrics</c> (Prometheus text format), parsed into samples.</summary>
public sealed partial class PrometheusScrape
{
    private readonly (string Name, Dictionary<string, string> Labels, double Value)[] samples;

    private PrometheusScrape(string text)
    {
        Text = text;
        samples = [.. text.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Parse)];
    }

    /// <summary>The text as served.</summary>
    public string Text { get; }

    /// <summary>Every metric family name with at least one sample.</summary>
    public IReadOnlySet<string> Names => samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>GETs <c>/metrics</c> with <paramref name="http"/> and parses it; the request must succeed.</summary>
    public static async Task<PrometheusScrape> ReadAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return new PrometheusScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The value of the sample of <paramref name="name"/> whose labels include <paramref name="labels"/>; null when there is none.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Select(s => (double?)s.Value)
            .FirstOrDefault();

    /// <summary>The values of the label <paramref name="label"/> across the samples of <paramref name="name"/>.</summary>
    public IReadOnlySet<string> LabelValues(string name, string label) =>
        samples.Where(s => s.Name == name && s.Labels.ContainsKey(label)).Select(s => s.Labels[label]).ToHashSet(StringComparer.Ordinal);

    private static (string, Dictionary<string, string>, double) Parse(string line)
    {
        var match = Sample().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"not a Prometheus sample line: {line}");
        }

        var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var v => double.Parse(v, CultureInfo.InvariantCulture),
        };
        return (match.Groups["name"].Value, labels, value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex Label();
}
