using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionNet.Cli.Output;

/// <summary>JSON as the CLI prints it for scripts: camelCase, indented, enums as strings, floats round-trippable.</summary>
public static class CliJson
{
    /// <summary>The serializer options every <c>--json</c> output uses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same options without indentation, for one object per line.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };

    /// <summary>Writes <paramref name="value"/> to stdout as JSON.</summary>
    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
