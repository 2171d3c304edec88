using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionNet.Grains.Inference;
using ActionNet.Inference.Execution;
using ActionNet.Silo.Hosting;

namespace ActionNet.Deploy.Tests;

/// <summary>
/// Every setting the silo reads, from its own code and files: the keys of silo/ActionNet.Silo/appsettings.json,
/// the bindable properties of every options type (a type with a <c>SectionName</c> constant) in the silo's
/// ActionNet assemblies, the model profile keys (<see cref="ModelProfile"/>, read by hand by
/// <see cref="ModelProfilesOptions"/>) and configuration-key constants such as <c>ConnectionStrings:Storage</c>.
/// </summary>
internal static partial class SiloSettings
{
    private static readonly Lazy<IReadOnlyList<SettingName>> All = new(() =>
        [.. FromAppSettings(), .. FromOptionsTypes(), .. FromKeyConstants()]);

    /// <summary>The known settings.</summary>
    public static IReadOnlyList<SettingName> Known => All.Value;

    /// <summary>The ActionNet assemblies the silo is made of.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = LoadAssemblies();

    /// <summary>Whether the silo reads <paramref name="name"/>.</summary>
    public static bool IsKnown(SettingName name) => Known.Any(k => k.Matches(name));

    private static IEnumerable<SettingName> FromAppSettings()
    {
        using var json = JsonDocument.Parse(RepositoryRoot.Read("silo", "ActionNet.Silo", "appsettings.json"));
        return Flatten(json.RootElement, []).Select(p => new SettingName(p)).ToArray();
    }

    private static IEnumerable<string[]> Flatten(JsonElement element, string[] prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Flatten(p.Value, [.. prefix, p.Name])),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Flatten(e, [.. prefix, SettingName.Any])),
        _ => [prefix],
    };

    private static IEnumerable<SettingName> FromOptionsTypes()
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

    private static IEnumerable<SettingName> FromKeyConstants() =>
        from type in Assemblies.SelectMany(a => a.GetTypes())
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.IsLiteral && field.Name.EndsWith("Key", StringComparison.Ordinal)
        let value = field.GetRawConstantValue() as string
        where value is not null && ConfigurationKey().IsMatch(value)
        select SettingName.FromKey(value);

    private static Assembly[] LoadAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(SiloOptions).Assembly, typeof(InferenceOptions).Assembly]);
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
}
