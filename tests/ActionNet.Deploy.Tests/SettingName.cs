namespace ActionNet.Deploy.Tests;

/// <summary>
/// A configuration key as segments, e.g. <c>ActionNet__Profiles__{{ $name }}__Model</c> or
/// <c>ActionNet:Profiles:*:Model</c>. Template expressions, placeholders in angle brackets, list indices and
/// dictionary keys become <c>*</c>, which matches any one segment on either side.
/// </summary>
internal sealed record SettingName(IReadOnlyList<string> Segments)
{
    /// <summary>A wildcard segment.</summary>
    public const string Any = "*";

    /// <summary>Parses an environment variable name (<c>__</c> separates sections).</summary>
    public static SettingName FromEnvironment(string name) => Parse(name.Split("__"));

    /// <summary>Parses a configuration key (<c>:</c> separates sections).</summary>
    public static SettingName FromKey(string key) => Parse(key.Split(':'));

    /// <summary>Whether both name the same setting; configuration keys compare case-insensitively.</summary>
    public bool Matches(SettingName other) =>
        Segments.Count == other.Segments.Count
        && Segments.Zip(other.Segments).All(p => p.First == Any || p.Second == Any || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override string ToString() => string.Join(':', Segments);

    private static SettingName Parse(IEnumerable<string> parts) => new(parts.Select(Normalize).ToArray());

    private static string Normalize(string segment) =>
        segment.Contains("{{", StringComparison.Ordinal) || segment.StartsWith('<') || segment.All(char.IsAsciiDigit) ? Any : segment;
}
