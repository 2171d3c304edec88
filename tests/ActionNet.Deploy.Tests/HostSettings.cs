using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionNet.Api.Hosting;
using ActionNet.Grains.Inference;
using ActionNet.Inference.Execution;
using ActionNet.Silo.Hosting;

namespace ActionNet.Deploy.Tests;

/// <summary>
/// Every setting one host program reads, from its own code and files: the keys of its appsettings.json, the bindable
/// properties of every options type (a type with a <c>SectionName</c> constant) in its ActionNet assemblies, the model
/// profile keys (<see cref="ModelProfile"/>, read by hand by <see cref="ModelProfilesOptions"/>), configuration-key
/// constants such as <c>ConnectionStrings:Storage</c>, and environment-variable constants such as ServiceDefaults'
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. An options type in a referenced assembly counts even where the host does not
/// bind it: the guard catches names nobody reads, not names one host could read but does not.
/// </summary>
internal sealed partial class HostSettings
{
    private readonly string appSettings;
    private readonly Lazy<Assembly[]> assemblies;
    private readonly Lazy<(IReadOnlyList<SettingName> Keys, IReadOnlySet<string> Variables)> all;

    private HostSettings(string name, string appSettings, params Assembly[] roots)
    {
        Name = name;
        this.appSettings = appSettings;
        assemblies = new(() => LoadAssemblies(roots));
        all = new(() => ([.. FromAppSettings(), .. FromOptionsTypes(), .. FromKeyConstants()], FromVariableConstants()));
    }

    /// <summary>The silo (silo/ActionNet.Silo and the libraries it is made of).</summary>
    public static HostSettings Silo { get; } = new("silo", "silo/ActionNet.Silo/appsettings.json", typeof(SiloOptions).Assembly, typeof(InferenceOptions).Assembly);

    /// <summary>The API host (src/ActionNet.Api and the libraries it is made of).</summary>
    public static HostSettings Api { get; } = new("API host", "src/ActionNet.Api/appsettings.json", typeof(ApiOptions).Assembly);

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>The known configuration keys.</summary>
    public IReadOnlyList<SettingName> Known => all.Value.Keys;

    /// <summary>The ActionNet assemblies the host is made of.</summary>
    public IReadOnlyList<Assembly> Assemblies => assemblies.Value;

    /// <summary>Whether the host reads the configuration key <paramref name="name"/>.</summary>
    public bool IsKnown(SettingName name) => Known.Any(k => k.Matches(name));

    /// <summary>
    /// Whether the host reads the environment variable <paramref name="variable"/>: a configuration key written with
    /// <c>__</c>, or a variable its code names (e.g. <c>OTEL_SERVICE_NAME</c>).
    /// </summary>
    public bool ReadsVariable(string variable) =>
        variable.Contains("__", StringComparison.Ordinal) ? IsKnown(SettingName.FromEnvironment(variable)) : all.Value.Variables.Contains(variable);

    private IEnumerable<SettingName> FromAppSettings()
    {
        using var json = JsonDocument.Parse(RepositoryRoot.Read(appSettings));
        return Flatten(json.RootElement, []).Select(p => new SettingName(p)).ToArray();
    }

    private static IEnumerable<string[]> Flatten(JsonElement element, string[] prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Flatten(p.Value, [.. prefix, p.Name])),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Flatten(e, [.. prefix, SettingName.Any])),
        _ => [prefix],
    };

    private IEnumerable<SettingName> FromOptionsTypes()
    {
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field
                || field.GetRawConstantValue() is not string section)
            {
                continue;
            }

            // Profiles are one child section per profile name, read key by key rather than bound.
            var (shape, prefix) = type == typeof(ModelProfilesOptions)
                ? (typeof(ModelProfile), new[] { section, SettingName.Any })
                : (type, new[] { section });
            foreach (var key in Properties(shape, prefix.SelectMany(s => s.Split(':')).ToArray(), depth: 0))
            {
                yield return new SettingName(key);
            }
        }
    }

    private static IEnumerable<string[]> Properties(Type type, string[] prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0
                || (type == typeof(ModelProfile) && property.Name == nameof(ModelProfile.Name)))
            {
                continue;
            }

            string[] key = [.. prefix, property.Name];
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(valueType))
            {
                yield return key;
            }
            else if (typeof(IEnumerable).IsAssignableFrom(valueType))
            {
                yield return [.. key, SettingName.Any];
            }
            else if (depth < 3)
            {
                foreach (var nested in Properties(valueType, key, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Uri);

    private IEnumerable<SettingName> FromKeyConstants() =>
        KeyConstants().Where(v => ConfigurationKey().IsMatch(v)).Select(SettingName.FromKey);

    private HashSet<string> FromVariableConstants() =>
        KeyConstants().Where(v => EnvironmentVariable().IsMatch(v)).ToHashSet(StringComparer.Ordinal);

    private IEnumerable<string> KeyConstants() =>
        from type in Assemblies.SelectMany(a => a.GetTypes())
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.IsLiteral && field.Name.EndsWith("Key", StringComparison.Ordinal)
        let value = field.GetRawConstantValue() as string
        where value is not null
        select value;

    private static Assembly[] LoadAssemblies(IEnumerable<Assembly> roots)
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>(roots);
        while (pending.TryDequeue(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("ActionNet.", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return [.. found.Values];
    }

    [GeneratedRegex("^[A-Za-z]+(:[A-Za-z]+)+$")]
    private static partial Regex ConfigurationKey();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex EnvironmentVariable();
}
